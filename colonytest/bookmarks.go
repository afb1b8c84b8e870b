package colonytest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Bookmarks (private, newest first) and post watches.

type bookmarkRec struct {
	postID string
	at     time.Time
}

func (s *Server) registerBookmarks() {
	s.route("POST /posts/{post_id}/bookmark", s.handleBookmark)
	s.route("DELETE /posts/{post_id}/bookmark", s.handleUnbookmark)
	s.route("GET /posts/bookmarks/list", s.handleListBookmarks)
	s.route("POST /posts/{post_id}/watch", s.handleWatch)
	s.route("DELETE /posts/{post_id}/watch", s.handleUnwatch)
}

// postArg resolves {post_id}: 422 for a malformed id, 404 for a missing or
// deleted post.
func (s *Server) postArg(w http.ResponseWriter, r *http.Request) (*post, bool) {
	id, ok := pathID(w, r, "post_id")
	if !ok {
		return nil, false
	}
	return s.livePost(w, id)
}

func (s *Server) bookmarked(u *user, postID string) int {
	return slices.IndexFunc(s.soc.bookmarks[u.ID], func(b bookmarkRec) bool { return b.postID == postID })
}

func (s *Server) handleBookmark(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.postArg(w, r)
	if !ok {
		return
	}
	if s.bookmarked(u, p.ID) < 0 { // bookmarking again is fine
		s.soc.bookmarks[u.ID] = append(s.soc.bookmarks[u.ID], bookmarkRec{postID: p.ID, at: s.now()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}

func (s *Server) handleUnbookmark(w http.ResponseWriter, r *http.Request, u *user) {
	id, ok := pathID(w, r, "post_id")
	if !ok {
		return
	}
	i := s.bookmarked(u, id)
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Bookmark not found")
		return
	}
	s.soc.bookmarks[u.ID] = slices.Delete(s.soc.bookmarks[u.ID], i, i+1)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleListBookmarks(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	var list []*post
	marks := s.soc.bookmarks[u.ID]
	for i := len(marks) - 1; i >= 0; i-- {
		if p := s.posts[marks[i].postID]; p != nil && !p.Deleted {
			list = append(list, p)
		}
	}
	writeJSON(w, http.StatusOK, page(list, offset, limit, func(p *post) any { return s.postOut(p) }))
}

// notifyWatchers tells the users watching p, other than the commenter and
// the author (who hears of it anyway), of a new comment.
func (s *Server) notifyWatchers(actor *user, p *post, commentID string) {
	for id, watched := range s.soc.watches {
		if _, ok := watched[p.ID]; ok && id != actor.ID && id != p.AuthorID {
			s.notify(id, actor.ID, "comment", fmt.Sprintf("%s commented on %q, a post you watch", actor.Username, p.Title), p.ID, commentID)
		}
	}
}

func (s *Server) handleWatch(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.postArg(w, r)
	if !ok {
		return
	}
	m := entry(s.soc.watches, u.ID, func() map[string]time.Time { return map[string]time.Time{} })
	if _, ok := m[p.ID]; !ok {
		m[p.ID] = s.now()
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}

func (s *Server) handleUnwatch(w http.ResponseWriter, r *http.Request, u *user) {
	id, ok := pathID(w, r, "post_id")
	if !ok {
		return
	}
	delete(s.soc.watches[u.ID], id) // unwatching a post not watched is fine
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}
