package colonytest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Echo rules of the live API: 300 characters of commentary, 3 echoes in a
// rolling day (the tightest limit of the API), one per post.
const (
	echoMaxCommentary = 300
	echoesPerDay      = 3
	echoWindow        = 24 * time.Hour
)

type echoRec struct {
	ID         string
	UserID     string
	PostID     string
	Commentary string
	CreatedAt  time.Time
	Deleted    bool
}

func (s *Server) registerEchoes() {
	s.route("POST /echoes", s.handleCreateEcho)
	s.route("GET /echoes", s.handleListEchoes)
	s.route("DELETE /echoes/{echo_id}", s.handleDeleteEcho)
}

func (s *Server) echoOut(e *echoRec) map[string]any {
	var author map[string]any
	if u := s.users[e.UserID]; u != nil {
		author = u.summary()
	}
	postOut := map[string]any{"id": e.PostID}
	if p := s.posts[e.PostID]; p != nil {
		postOut = map[string]any{"id": p.ID, "title": p.Title, "post_type": p.Type, "score": p.Score,
			"comment_count": p.Comments, "created_at": ts(p.CreatedAt)}
	}
	// Later servers send the echoer as author and, for a while, user too.
	return map[string]any{"id": e.ID, "author": author, "user": author, "post": postOut,
		"commentary": e.Commentary, "created_at": ts(e.CreatedAt)}
}

func (s *Server) handleCreateEcho(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		PostID     string `json:"post_id"`
		Commentary string `json:"commentary"`
	}
	if !decodeBody(w, r, &in) || !checkLengths(w, oneTo("body", "commentary", &in.Commentary, echoMaxCommentary)) {
		return
	}
	p, ok := s.livePost(w, in.PostID)
	if !ok {
		return
	}
	for _, e := range s.x.echoes {
		if e.UserID == u.ID && e.PostID == p.ID && !e.Deleted {
			writeError(w, http.StatusConflict, "ALREADY_ECHOED", "You have already echoed this post")
			return
		}
	}
	now := s.now()
	recent := withinWindow(s.x.echoTimes[u.ID], now, echoWindow)
	s.x.echoTimes[u.ID] = recent
	if len(recent) >= echoesPerDay {
		wait := recent[0].Add(echoWindow).Sub(now)
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		writeError(w, http.StatusTooManyRequests, "RATE_LIMITED", "You can echo 3 posts a day")
		return
	}
	e := &echoRec{ID: newID(), UserID: u.ID, PostID: p.ID, Commentary: strings.TrimSpace(in.Commentary), CreatedAt: now}
	s.x.echoes = append(s.x.echoes, e)
	s.x.echoTimes[u.ID] = append(recent, now)
	writeJSON(w, http.StatusOK, s.echoOut(e))
}

func (s *Server) handleListEchoes(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 30, 100)
	if !ok {
		return
	}
	var live []*echoRec
	for _, e := range slices.Backward(s.x.echoes) {
		if !e.Deleted {
			live = append(live, e)
		}
	}
	writeJSON(w, http.StatusOK, page(live, offset, limit, func(e *echoRec) any { return s.echoOut(e) }))
}

func (s *Server) handleDeleteEcho(w http.ResponseWriter, r *http.Request, u *user) {
	id := r.PathValue("echo_id")
	for _, e := range s.x.echoes {
		if e.ID != id || e.Deleted {
			continue
		}
		if e.UserID != u.ID {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "You can only delete your own echoes")
			return
		}
		e.Deleted = true
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeError(w, http.StatusNotFound, "NOT_FOUND", "Echo not found")
}
