package colonytest

import (
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// What an author or moderator does to a post after creating it (contract
// §5.4), the later GET /posts filters, and a user's comments (§5.5).

// Tag rules of the live API.
const (
	// tagWindow is how long after posting an untagged post may be tagged.
	tagWindow  = 7 * 24 * time.Hour
	maxTags    = 10
	maxTagLen  = 50
	minLangLen = 2
	maxLangLen = 10
)

func (s *Server) registerPostActions() {
	s.route("PUT /posts/{post_id}/tags", s.handleSetTags)
	s.route("POST /posts/{post_id}/crosspost", s.handleCrosspost)
	s.route("POST /posts/{post_id}/pin", s.handlePin)
	s.route("POST /posts/{post_id}/close", s.postStateAction(func(ps *postState, now time.Time) { ps.closedAt = now }))
	s.route("POST /posts/{post_id}/reopen", s.postStateAction(func(ps *postState, _ time.Time) { ps.closedAt = time.Time{} }))
	s.route("PUT /posts/{post_id}/language", s.handleLanguage)
	s.route("POST /posts/{post_id}/cognition", s.handleCognition)
	s.route("POST /comments/{comment_id}/cognition", s.handleCognition)
	s.route("POST /colonies/{colony_id}/posts/{post_id}/move-out", s.handleMoveOut)
	s.readRoute("GET /users/{user_id}/comments", s.handleUserComments)
	s.readRoute("GET /users/by-username/{username}/comments", s.handleUserComments)
}

// normalizeTags lowercases and cuts tags as the server does, refusing more
// than 10.
func normalizeTags(w http.ResponseWriter, tags []string) ([]string, bool) {
	if len(tags) > maxTags {
		validationError(w, []string{"body", "tags"}, "at most 10 tags")
		return nil, false
	}
	out := []string{}
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if utf8.RuneCountInString(t) > maxTagLen {
			t = string([]rune(t)[:maxTagLen])
		}
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, true
}

// canTag enforces the tag window: the author, an untagged post, within 7
// days of posting.
func (s *Server) canTag(w http.ResponseWriter, p *post, u *user) bool {
	switch {
	case p.AuthorID != u.ID:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the author can tag this post")
	case len(p.Tags) > 0:
		writeError(w, http.StatusConflict, "POST_ALREADY_TAGGED", "This post already has tags; edit them with PUT /posts/{id} within 15 minutes")
	case s.now().Sub(p.CreatedAt) > tagWindow:
		writeError(w, http.StatusForbidden, "EDIT_WINDOW_EXPIRED", "Tags can be added within 7 days of posting")
	default:
		return true
	}
	return false
}

func (s *Server) handleSetTags(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		Tags *[]string `json:"tags"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Tags == nil {
		validationError(w, []string{"body", "tags"}, "Field required")
		return
	}
	if !s.canTag(w, p, u) {
		return
	}
	tags, ok := normalizeTags(w, *in.Tags)
	if !ok {
		return
	}
	p.Tags, p.UpdatedAt = tags, s.now()
	writeJSON(w, http.StatusOK, s.postOut(p))
}

func (s *Server) handleCrosspost(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		ColonyID string  `json:"colony_id"`
		Title    *string `json:"title"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	target := s.colonyByIDOrName(in.ColonyID) // a slug is accepted too
	if target == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Colony not found")
		return
	}
	title := p.Title
	if in.Title != nil {
		if n := utf8.RuneCountInString(*in.Title); n < 3 || n > 300 {
			validationError(w, []string{"body", "title"}, "title must be 3 to 300 characters")
			return
		}
		title = *in.Title
	}
	if target.ID == p.ColonyID {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "The post is already in that colony")
		return
	}
	cp := s.addPostLocked(u, createPostIn{Title: title, Body: p.Body, ColonyID: target.ID, PostType: p.Type,
		Client: p.Client, Tags: slices.Clone(p.Tags)}, 0)
	s.postExtra(cp.ID).crosspostOf = p.ID
	s.afterPost(r, u, cp)
	writeJSON(w, http.StatusCreated, s.postOut(cp))
}

// mayManage reports whether u is p's author or a moderator of its colony,
// answering 403 when not.
func (s *Server) mayManage(w http.ResponseWriter, p *post, u *user) bool {
	if p.AuthorID == u.ID || s.isModerator(p.ColonyID, u) {
		return true
	}
	writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the author or a moderator can do this")
	return false
}

// handlePin toggles the pin: a retry unpins.
func (s *Server) handlePin(w http.ResponseWriter, r *http.Request, u *user) {
	s.postStateAction(func(ps *postState, _ time.Time) { ps.pinned = !ps.pinned })(w, r, u)
}

func (s *Server) postStateAction(f func(*postState, time.Time)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		p, ok := s.livePost(w, r.PathValue("post_id"))
		if !ok || !s.mayManage(w, p, u) {
			return
		}
		f(s.postExtra(p.ID), s.now())
		writeJSON(w, http.StatusOK, s.postOut(p))
	}
}

func (s *Server) handleLanguage(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok || !s.mayManage(w, p, u) {
		return
	}
	lang := r.URL.Query().Get("language")
	if n := len(lang); n < minLangLen || n > maxLangLen {
		validationError(w, []string{"query", "language"}, "language must be 2 to 10 characters")
		return
	}
	s.postExtra(p.ID).language = lang
	writeJSON(w, http.StatusOK, map[string]any{"post_id": p.ID, "language": lang})
}

// handleCognition answers a proof-of-cognition answer. This fake issues no
// challenges, so every token is unknown: the server's answer to a token it
// did not issue (it keeps none).
func (s *Server) handleCognition(w http.ResponseWriter, r *http.Request, u *user) {
	var author string
	if id := r.PathValue("post_id"); id != "" {
		p, ok := s.livePost(w, id)
		if !ok {
			return
		}
		author = p.AuthorID
	} else {
		c, ok := s.liveComment(w, r.PathValue("comment_id"))
		if !ok {
			return
		}
		author = c.AuthorID
	}
	var in struct {
		Token  string `json:"token"`
		Answer string `json:"answer"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	switch {
	case author != u.ID:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the author can answer its cognition challenge")
	case strings.TrimSpace(in.Token) == "" || strings.TrimSpace(in.Answer) == "":
		validationError(w, []string{"body"}, "token and answer are required")
	default:
		writeError(w, http.StatusBadRequest, "COGNITION_TOKEN_INVALID", "No pending cognition challenge matches this token")
	}
}

func (s *Server) handleMoveOut(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveColony(w, r.PathValue("colony_id"))
	if !ok {
		return
	}
	if !s.isModerator(c.ID, u) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only a moderator of this colony can move posts out of it")
		return
	}
	p := s.posts[r.PathValue("post_id")]
	if p == nil || p.Deleted || p.ColonyID != c.ID {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Post not found in this colony")
		return
	}
	if s.colonyExtra(c.ID).communityType == "private" {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Posts cannot be moved out of a private colony")
		return
	}
	general := s.colonyByName("general")
	to := any(nil)
	c.PostCount--
	if c != general {
		p.ColonyID, to = general.ID, general.ID
		general.PostCount++
	} else {
		p.ColonyID = "" // from general the post leaves every colony
	}
	s.notify(p.AuthorID, u.ID, "post_moved", "A moderator moved your post out of "+c.Name, p.ID, "")
	writeJSON(w, http.StatusOK, map[string]any{"post_id": p.ID, "from_colony_id": c.ID, "to_colony_id": to, "moved": true})
}

// laterPostFilter reads the GET /posts filters added after 1.14.1:
// author_id / author, sentinel_scanned and member_colonies (401 without a
// token).
func (s *Server) laterPostFilter(w http.ResponseWriter, r *http.Request, u *user) (func(*post) bool, bool) {
	q := r.URL.Query()
	authorID := q.Get("author_id")
	if name := q.Get("author"); name != "" && authorID == "" {
		authorID = "none"
		if a := s.usersByName[name]; a != nil {
			authorID = a.ID
		}
	}
	scanned, hasScanned, ok := queryBool(w, r, "sentinel_scanned")
	if !ok {
		return nil, false
	}
	member, hasMember, ok := queryBool(w, r, "member_colonies")
	if !ok {
		return nil, false
	}
	if hasMember && u == nil {
		writeError(w, http.StatusUnauthorized, "AUTH_REQUIRED", "member_colonies needs a token")
		return nil, false
	}
	return func(p *post) bool {
		if authorID != "" && p.AuthorID != authorID {
			return false
		}
		if hasScanned && p.Scanned != scanned {
			return false
		}
		if hasMember {
			c := s.colonies[p.ColonyID]
			if (c != nil && c.members[u.ID]) != member {
				return false
			}
		}
		return true
	}, true
}

// handleUserComments lists a user's visible comments, newest first.
func (s *Server) handleUserComments(w http.ResponseWriter, r *http.Request, u *user) {
	var subject *user
	if name := r.PathValue("username"); name != "" {
		subject = s.usersByName[name]
	} else {
		subject = s.users[r.PathValue("user_id")]
	}
	if subject == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
		return
	}
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	var list []*comment
	for p := range s.livePostsNewest() {
		for _, c := range p.commentList {
			if c.AuthorID == subject.ID && !c.Deleted {
				list = append(list, c)
			}
		}
	}
	slices.SortStableFunc(list, func(a, b *comment) int { return b.CreatedAt.Compare(a.CreatedAt) })
	writeJSON(w, http.StatusOK, page(list, offset, limit, func(c *comment) any { return s.commentOut(c) }))
}
