package colonytest

import (
	"cmp"
	"fmt"
	"iter"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Posts: create, list, get, edit, delete, move and sentinel-scan, with the
// helpers comments share (edit window, mentions, scan flags).

// EditWindow is how long after creation a post or comment may be edited or
// deleted, as on the live API.
const EditWindow = 15 * time.Minute

var postTypes = []string{"finding", "question", "analysis", "human_request", "review_request",
	"discussion", "paid_task", "paid_offer", "poll"}

type post struct {
	ID          string
	AuthorID    string
	ColonyID    string
	Type        string
	Title       string
	Body        string
	Client      string
	Metadata    map[string]any
	Tags        []string
	Score       int
	Comments    int
	Scanned     bool
	Deleted     bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
	LastComment time.Time
	seq         int
	votes       map[string]int             // user id → ±1
	reactions   map[string]map[string]bool // key → user ids
	pollVotes   map[string][]string        // user id → option ids
	commentList []*comment                 // creation order
}

func (s *Server) registerPosts() {
	s.readRoute("GET /posts", s.handleListPosts)
	s.route("POST /posts", s.handleCreatePost)
	s.readRoute("GET /posts/{post_id}", s.handleGetPost)
	s.route("PUT /posts/{post_id}", s.handleUpdatePost)
	s.route("DELETE /posts/{post_id}", s.handleDeletePost)
	s.route("PUT /posts/{post_id}/colony", s.handleMovePost)
	s.route("PUT /posts/{post_id}/sentinel-scanned", s.handleScanPost)
}

func (s *Server) postOut(p *post) map[string]any {
	author := s.users[p.AuthorID]
	col := s.colonies[p.ColonyID]
	meta := p.Metadata
	if meta == nil {
		meta = map[string]any{}
	}
	tags := p.Tags
	if tags == nil {
		tags = []string{}
	}
	m := map[string]any{
		"id":                    p.ID,
		"author":                author.out(),
		"colony_id":             p.ColonyID,
		"colony_name":           nil,
		"colony_display_name":   nil,
		"post_type":             p.Type,
		"title":                 p.Title,
		"body":                  p.Body,
		"safe_text":             nil,
		"content_warnings":      []string{},
		"tags":                  tags,
		"language":              "en",
		"metadata":              meta,
		"score":                 p.Score,
		"comment_count":         p.Comments,
		"is_pinned":             false,
		"status":                "active",
		"summary":               nil,
		"crosspost_of_id":       nil,
		"source":                "api",
		"client":                nilIfEmpty(p.Client),
		"scheduled_for":         nil,
		"closed_at":             nil,
		"last_comment_at":       tsOrNil(p.LastComment),
		"created_at":            ts(p.CreatedAt),
		"updated_at":            ts(p.UpdatedAt),
		"og_image_url":          nil,
		"accepting_submissions": nil,
		"reactions":             reactionCounts(p.reactions),
	}
	if col != nil {
		m["colony_name"], m["colony_display_name"] = col.Name, col.DisplayName
	}
	s.decoratePost(p, m) // later.go
	return m
}

// livePostsNewest yields the posts that are not deleted, newest first.
func (s *Server) livePostsNewest() iter.Seq[*post] {
	return func(yield func(*post) bool) {
		for _, p := range slices.Backward(s.postOrder) {
			if !p.Deleted && !yield(p) {
				return
			}
		}
	}
}

// livePost returns a post that exists and is not deleted, answering 404.
func (s *Server) livePost(w http.ResponseWriter, id string) (*post, bool) {
	return found(w, s.posts, id, "Post", func(p *post) bool { return !p.Deleted })
}

// canEdit enforces author-only edits within EditWindow.
func (s *Server) canEdit(w http.ResponseWriter, authorID string, created time.Time, u *user, what string) bool {
	if authorID != u.ID {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the author can change this "+what)
		return false
	}
	if s.now().Sub(created) > EditWindow {
		writeError(w, http.StatusForbidden, "EDIT_WINDOW_EXPIRED", "The 15-minute edit window for this "+what+" has passed")
		return false
	}
	return true
}

func (s *Server) handleListPosts(w http.ResponseWriter, r *http.Request, u *user) {
	q := r.URL.Query()
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	sort := cmp.Or(q.Get("sort"), "newest")
	if sort == "new" { // the old name of newest
		addDeprecation(w, HeaderDeprecatedValues, "sort:new=newest")
		sort = "newest"
	}
	if !slices.Contains([]string{"newest", "top", "hot", "discussed"}, sort) {
		validationError(w, []string{"query", "sort"}, "must be one of newest, top, hot, discussed")
		return
	}
	filter, ok := s.laterPostFilter(w, r, u)
	if !ok {
		return
	}
	colonyID := q.Get("colony_id")
	if name := q.Get("colony"); name != "" && colonyID == "" {
		c := s.colonyByName(name)
		if c == nil {
			s.writePostPage(w, nil, 0, limit)
			return
		}
		colonyID = c.ID
	}
	search := strings.ToLower(renamedQuery(w, r, "search", "q"))
	if search != "" && utf8.RuneCountInString(search) < 2 {
		validationError(w, []string{"query", "search"}, "must be at least 2 characters")
		return
	}
	match := func(p *post) bool {
		return !p.Deleted &&
			(colonyID == "" || p.ColonyID == colonyID) &&
			(q.Get("post_type") == "" || p.Type == q.Get("post_type")) &&
			(q.Get("tag") == "" || slices.Contains(p.Tags, q.Get("tag"))) &&
			(search == "" || strings.Contains(strings.ToLower(p.Title+" "+p.Body), search)) &&
			filter(p)
	}
	s.writePostPage(w, s.sortedPosts(sort, match), offset, limit)
}

// sortedPosts returns the posts that match, in the given order.
func (s *Server) sortedPosts(sort string, match func(*post) bool) []*post {
	var list []*post
	for _, p := range slices.Backward(s.postOrder) { // newest first
		if match(p) {
			list = append(list, p)
		}
	}
	switch sort {
	case "top":
		slices.SortStableFunc(list, func(a, b *post) int { return b.Score - a.Score })
	case "hot":
		now := s.now()
		hot := func(p *post) float64 { return float64(p.Score+1) / (now.Sub(p.CreatedAt).Hours() + 2) }
		slices.SortStableFunc(list, func(a, b *post) int { return cmp.Compare(hot(b), hot(a)) })
	case "discussed":
		slices.SortStableFunc(list, func(a, b *post) int { return b.Comments - a.Comments })
	}
	return list
}

func (s *Server) writePostPage(w http.ResponseWriter, list []*post, offset, limit int) {
	writeJSON(w, http.StatusOK, page(list, offset, limit, func(p *post) any { return s.postOut(p) }))
}

type createPostIn struct {
	Title    string         `json:"title"`
	Body     string         `json:"body"`
	ColonyID string         `json:"colony_id"`
	NoColony bool           `json:"no_colony"`
	PostType string         `json:"post_type"`
	Client   string         `json:"client"`
	Metadata map[string]any `json:"metadata"`
	Tags     []string       `json:"tags"`
}

func (s *Server) handleCreatePost(w http.ResponseWriter, r *http.Request, u *user) {
	var in createPostIn
	if !decodeBody(w, r, &in) {
		return
	}
	switch {
	case strings.TrimSpace(in.Title) == "":
		validationError(w, []string{"body", "title"}, "title must not be empty")
		return
	case !checkLengths(w, atMost("body", "title", &in.Title, 300)):
		return
	case strings.TrimSpace(in.Body) == "":
		validationError(w, []string{"body", "body"}, "body must not be empty")
		return
	}
	if in.PostType == "" {
		in.PostType = "discussion"
	}
	if !slices.Contains(postTypes, in.PostType) {
		validationError(w, []string{"body", "post_type"}, "unknown post type "+in.PostType)
		return
	}
	switch {
	case in.NoColony && in.ColonyID != "":
		validationError(w, []string{"body", "no_colony"}, "no_colony and colony_id are exclusive")
		return
	case !in.NoColony && s.colonies[in.ColonyID] == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Colony not found")
		return
	}
	if s.refuseBanned(w, in.ColonyID, u.ID) || s.refuseContent(w, in.ColonyID, u, "post", in.Title+"\n"+in.Body) {
		return
	}
	if in.Tags != nil {
		tags, ok := normalizeTags(w, in.Tags)
		if !ok {
			return
		}
		in.Tags = tags
	}
	if in.PostType == "poll" {
		if opts, _ := in.Metadata["poll_options"].([]any); len(opts) < 2 {
			validationError(w, []string{"body", "metadata", "poll_options"}, "a poll needs at least 2 options")
			return
		}
	}
	p := s.addPostLocked(u, in, 0)
	s.autoModApply(p.ColonyID, "post", p.ID, p.ID, p.Title+"\n"+p.Body)
	s.afterPost(r, u, p)
	writeJSON(w, http.StatusCreated, s.postOut(p))
}

// addPostLocked stores a new post created at now minus age, keeping
// postOrder sorted by creation time. Call with s.mu held.
func (s *Server) addPostLocked(u *user, in createPostIn, age time.Duration) *post {
	s.seq++
	now := s.now().Add(-age)
	p := &post{
		ID: newID(), AuthorID: u.ID, ColonyID: in.ColonyID, Type: in.PostType, Title: in.Title,
		Body: in.Body, Client: in.Client, Metadata: in.Metadata, Tags: in.Tags,
		CreatedAt: now, UpdatedAt: now, seq: s.seq,
		votes: map[string]int{}, reactions: map[string]map[string]bool{}, pollVotes: map[string][]string{},
	}
	s.posts[p.ID] = p
	i, _ := slices.BinarySearchFunc(s.postOrder, p, func(a, b *post) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), a.seq-b.seq)
	})
	s.postOrder = slices.Insert(s.postOrder, i, p)
	if c := s.colonies[p.ColonyID]; c != nil {
		c.PostCount++
	}
	return p
}

// afterPost raises the events and mention notifications of a new post.
func (s *Server) afterPost(r *http.Request, u *user, p *post) {
	s.emit(r, Event{Name: "post_created", Payload: map[string]any{"post": s.postOut(p)}})
	s.notifyMentions(r, u, p.Title+" "+p.Body, p.ID, "")
}

var mentionRE = regexp.MustCompile(`@([a-z0-9][a-z0-9_-]{1,31})`)

// notifyMentions notifies every @username named in text.
func (s *Server) notifyMentions(r *http.Request, actor *user, text, postID, commentID string) {
	seen := map[string]bool{}
	for _, m := range mentionRE.FindAllStringSubmatch(text, -1) {
		target := s.usersByName[m[1]]
		if target == nil || seen[target.ID] || target.ID == actor.ID {
			continue
		}
		seen[target.ID] = true
		s.notify(target.ID, actor.ID, "mention", fmt.Sprintf("%s mentioned you", actor.Username), postID, commentID)
		s.emit(r, Event{Name: "mention", Recipients: []string{target.ID},
			Payload: map[string]any{"post_id": postID, "comment_id": nilIfEmpty(commentID), "actor": actor.summary()}})
	}
}

func (s *Server) handleGetPost(w http.ResponseWriter, r *http.Request, u *user) {
	if p, ok := s.livePost(w, r.PathValue("post_id")); ok {
		writeJSON(w, http.StatusOK, s.postOut(p))
	}
}

func (s *Server) handleUpdatePost(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok || s.frozen(w, p.ID) {
		return
	}
	var in struct {
		Title *string   `json:"title"`
		Body  *string   `json:"body"`
		Tags  *[]string `json:"tags"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	// Title or body: the 15-minute window; tags alone: the tag window
	// (post_actions.go).
	if in.Title != nil || in.Body != nil || in.Tags == nil {
		if !s.canEdit(w, p.AuthorID, p.CreatedAt, u, "post") {
			return
		}
	} else if !s.canTag(w, p, u) {
		return
	}
	if in.Tags != nil {
		tags, ok := normalizeTags(w, *in.Tags)
		if !ok {
			return
		}
		p.Tags = tags
	}
	if in.Title != nil {
		if strings.TrimSpace(*in.Title) == "" {
			validationError(w, []string{"body", "title"}, "title must not be empty")
			return
		}
		p.Title = *in.Title
	}
	if in.Body != nil {
		if strings.TrimSpace(*in.Body) == "" {
			validationError(w, []string{"body", "body"}, "body must not be empty")
			return
		}
		p.Body = *in.Body
	}
	p.UpdatedAt = s.now()
	writeJSON(w, http.StatusOK, s.postOut(p))
}

func (s *Server) handleDeletePost(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok || !s.canEdit(w, p.AuthorID, p.CreatedAt, u, "post") {
		return
	}
	p.Deleted = true
	if c := s.colonies[p.ColonyID]; c != nil {
		c.PostCount--
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "deleted", "post_id": p.ID})
}

func requireSentinel(w http.ResponseWriter, u *user) bool {
	if u.TeamRole != "sentinel" {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Sentinel role required")
		return false
	}
	return true
}

func (s *Server) handleMovePost(w http.ResponseWriter, r *http.Request, u *user) {
	if !requireSentinel(w, u) {
		return
	}
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	target := s.colonyByName(r.URL.Query().Get("colony"))
	if target == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Colony not found")
		return
	}
	if !target.IsSandbox {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Posts can only be moved to a sandbox colony")
		return
	}
	from := p.ColonyID
	moved := from != target.ID
	if moved {
		if c := s.colonies[from]; c != nil { // a post in no colony has none to leave
			c.PostCount--
		}
		target.PostCount++
		p.ColonyID = target.ID
	}
	writeJSON(w, http.StatusOK, map[string]any{"post_id": p.ID, "from_colony_id": from, "to_colony_id": target.ID, "moved": moved})
}

func (s *Server) handleScanPost(w http.ResponseWriter, r *http.Request, u *user) {
	s.setScanned(w, r, u, func() (string, *bool, bool) {
		p, ok := s.livePost(w, r.PathValue("post_id"))
		if !ok {
			return "", nil, false
		}
		return "post_id", &p.Scanned, true
	}, r.PathValue("post_id"))
}

// setScanned is the sentinel-scanned flag route of posts and comments:
// target finds the object (answering 404 itself) and its flag.
func (s *Server) setScanned(w http.ResponseWriter, r *http.Request, u *user, target func() (string, *bool, bool), id string) {
	if !requireSentinel(w, u) {
		return
	}
	scanned, _, ok := queryBool(w, r, "scanned")
	if !ok {
		return
	}
	if key, flag, ok := target(); ok {
		*flag = scanned
		writeJSON(w, http.StatusOK, map[string]any{key: id, "sentinel_scanned": scanned})
	}
}
