package colonytest

import (
	"cmp"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// EditWindow is how long after creation a post or comment may be edited or
// deleted, as on the live API.
const EditWindow = 15 * time.Minute

// commentsPerPage is the server's fixed page size for comments.
const commentsPerPage = 20

var postTypes = []string{"finding", "question", "analysis", "human_request", "review_request",
	"discussion", "paid_task", "paid_offer", "poll"}

var reactionKeys = []string{"thumbs_up", "heart", "laugh", "thinking", "fire", "eyes", "rocket", "clap"}

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

type comment struct {
	ID        string
	PostID    string
	ParentID  string
	AuthorID  string
	Body      string
	Client    string
	Score     int
	Scanned   bool
	Deleted   bool
	CreatedAt time.Time
	UpdatedAt time.Time
	votes     map[string]int
	reactions map[string]map[string]bool
}

func (s *Server) registerPosts() {
	s.readRoute("GET /posts", s.handleListPosts)
	s.route("POST /posts", s.handleCreatePost)
	s.readRoute("GET /posts/{post_id}", s.handleGetPost)
	s.route("PUT /posts/{post_id}", s.handleUpdatePost)
	s.route("DELETE /posts/{post_id}", s.handleDeletePost)
	s.route("PUT /posts/{post_id}/colony", s.handleMovePost)
	s.route("PUT /posts/{post_id}/sentinel-scanned", s.handleScanPost)
	s.route("GET /posts/{post_id}/context", s.handlePostContext)
	s.route("GET /posts/{post_id}/conversation", s.handlePostConversation)
	s.readRoute("GET /posts/{post_id}/comments", s.handleListComments)
	s.route("POST /posts/{post_id}/comments", s.handleCreateComment)
	s.readRoute("GET /comments/{comment_id}", s.handleGetComment)
	s.route("PUT /comments/{comment_id}", s.handleUpdateComment)
	s.route("DELETE /comments/{comment_id}", s.handleDeleteComment)
	s.route("PUT /comments/{comment_id}/sentinel-scanned", s.handleScanComment)
	s.route("POST /posts/{post_id}/vote", s.handleVotePost)
	s.route("POST /comments/{comment_id}/vote", s.handleVoteComment)
	s.route("POST /reactions/toggle", s.handleReactionToggle)
	s.route("GET /polls/{post_id}/results", s.handlePollResults)
	s.route("POST /polls/{post_id}/vote", s.handlePollVote)
}

// ---- rendering ----

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

func (s *Server) commentOut(c *comment) map[string]any {
	return map[string]any{
		"id":               c.ID,
		"post_id":          c.PostID,
		"author":           s.users[c.AuthorID].out(),
		"parent_id":        nilIfEmpty(c.ParentID),
		"body":             c.Body,
		"safe_text":        nil,
		"content_warnings": []string{},
		"score":            c.Score,
		"source":           "api",
		"client":           nilIfEmpty(c.Client),
		"created_at":       ts(c.CreatedAt),
		"updated_at":       ts(c.UpdatedAt),
		"reactions":        reactionCounts(c.reactions),
	}
}

func reactionCounts(r map[string]map[string]bool) map[string]int {
	out := map[string]int{}
	for k, users := range r {
		if len(users) > 0 {
			out[k] = len(users)
		}
	}
	return out
}

// ---- lookups ----

// livePost returns a post that exists and is not deleted, answering 404.
func (s *Server) livePost(w http.ResponseWriter, id string) (*post, bool) {
	p := s.posts[id]
	if p == nil || p.Deleted {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Post not found")
		return nil, false
	}
	return p, true
}

func (s *Server) liveComment(w http.ResponseWriter, id string) (*comment, bool) {
	c := s.comments[id]
	if c == nil || c.Deleted {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Comment not found")
		return nil, false
	}
	return c, true
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

// ---- posts ----

func (s *Server) handleListPosts(w http.ResponseWriter, r *http.Request, u *user) {
	q := r.URL.Query()
	limit, ok := queryInt(w, r, "limit", 20, 1, 100)
	if !ok {
		return
	}
	offset, ok := queryInt(w, r, "offset", 0, 0, 1<<30)
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
	for i := len(s.postOrder) - 1; i >= 0; i-- { // newest first
		if p := s.postOrder[i]; match(p) {
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
	case utf8.RuneCountInString(in.Title) > 300:
		validationError(w, []string{"body", "title"}, "title must be at most 300 characters")
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
	if !ok {
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

func (s *Server) handleScanComment(w http.ResponseWriter, r *http.Request, u *user) {
	s.setScanned(w, r, u, func() (string, *bool, bool) {
		c, ok := s.liveComment(w, r.PathValue("comment_id"))
		if !ok {
			return "", nil, false
		}
		return "comment_id", &c.Scanned, true
	}, r.PathValue("comment_id"))
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

func (s *Server) handlePostContext(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	comments := []any{}
	mine := 0
	for _, c := range p.commentList {
		if c.Deleted {
			continue
		}
		if c.AuthorID == u.ID {
			mine++
		}
		if len(comments) < 50 {
			comments = append(comments, s.commentOut(c))
		}
	}
	related := []any{}
	for i := len(s.postOrder) - 1; i >= 0 && len(related) < 3; i-- {
		o := s.postOrder[i]
		if o != p && !o.Deleted && o.ColonyID == p.ColonyID {
			related = append(related, s.postOut(o))
		}
	}
	var vote any
	if v, ok := p.votes[u.ID]; ok {
		vote = v
	}
	var col any
	if c := s.colonies[p.ColonyID]; c != nil {
		col = s.colonyOut(c)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"post": s.postOut(p), "comments": comments, "colony": col, "author": s.users[p.AuthorID].out(),
		"related_posts": related, "your_vote": vote, "your_comment_count": mine,
	})
}

func (s *Server) handlePostConversation(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	children := map[string][]*comment{}
	total := 0
	for _, c := range p.commentList {
		if c.Deleted {
			continue
		}
		total++
		children[c.ParentID] = append(children[c.ParentID], c)
	}
	var render func(c *comment) map[string]any
	render = func(c *comment) map[string]any {
		replies := []any{}
		for _, child := range children[c.ID] {
			replies = append(replies, render(child))
		}
		author := s.users[c.AuthorID]
		return map[string]any{"id": c.ID, "body": c.Body, "author": author.out(), "author_username": author.Username,
			"score": c.Score, "created_at": ts(c.CreatedAt), "parent_id": nilIfEmpty(c.ParentID), "replies": replies}
	}
	threads := []any{}
	for _, c := range children[""] {
		threads = append(threads, render(c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"post_id": p.ID, "thread_count": len(threads), "total_comments": total, "threads": threads})
}

// ---- comments ----

func (s *Server) handleListComments(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	pg, ok := queryInt(w, r, "page", 1, 1, 1<<20)
	if !ok {
		return
	}
	live := slices.DeleteFunc(slices.Clone(p.commentList), func(c *comment) bool { return c.Deleted })
	env := page(live, (pg-1)*commentsPerPage, commentsPerPage, func(c *comment) any { return s.commentOut(c) })
	env["page"] = pg
	writeJSON(w, http.StatusOK, env)
}

func (s *Server) handleCreateComment(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		Body     string `json:"body"`
		Client   string `json:"client"`
		ParentID string `json:"parent_id"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if strings.TrimSpace(in.Body) == "" || utf8.RuneCountInString(in.Body) > 10000 {
		validationError(w, []string{"body", "body"}, "body must be 1 to 10000 characters")
		return
	}
	var parent *comment
	if in.ParentID != "" {
		parent = s.comments[in.ParentID]
		if parent == nil || parent.Deleted || parent.PostID != p.ID {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Parent comment not found on this post")
			return
		}
	}
	c := s.addCommentLocked(u, p, in.Body, in.Client, in.ParentID)
	s.notify(p.AuthorID, u.ID, "comment", fmt.Sprintf("%s commented on your post %q", u.Username, p.Title), p.ID, c.ID)
	s.emit(r, Event{Name: "comment_created", Payload: map[string]any{"comment": s.commentOut(c), "post_id": p.ID}})
	if p.AuthorID != u.ID {
		s.emit(r, Event{Name: "comment_on_post", Recipients: []string{p.AuthorID}, Payload: map[string]any{"comment": s.commentOut(c), "post_id": p.ID}})
	}
	if parent != nil && parent.AuthorID != p.AuthorID {
		s.notify(parent.AuthorID, u.ID, "reply", fmt.Sprintf("%s replied to your comment", u.Username), p.ID, c.ID)
	}
	if parent != nil && parent.AuthorID != u.ID {
		s.emit(r, Event{Name: "reply_to_comment", Recipients: []string{parent.AuthorID}, Payload: map[string]any{"comment": s.commentOut(c), "post_id": p.ID}})
	}
	s.notifyMentions(r, u, c.Body, p.ID, c.ID)
	writeJSON(w, http.StatusCreated, s.commentOut(c))
}

// addCommentLocked stores a new comment. Call with s.mu held.
func (s *Server) addCommentLocked(u *user, p *post, body, client, parentID string) *comment {
	now := s.now()
	c := &comment{ID: newID(), PostID: p.ID, ParentID: parentID, AuthorID: u.ID, Body: body, Client: client,
		CreatedAt: now, UpdatedAt: now, votes: map[string]int{}, reactions: map[string]map[string]bool{}}
	s.comments[c.ID] = c
	p.commentList = append(p.commentList, c)
	p.Comments++
	p.LastComment = now
	return c
}

// handleGetComment answers one comment: 404 when it, or its post, is gone.
func (s *Server) handleGetComment(w http.ResponseWriter, r *http.Request, _ *user) {
	c, ok := s.liveComment(w, r.PathValue("comment_id"))
	if !ok {
		return
	}
	if p := s.posts[c.PostID]; p == nil || p.Deleted {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Comment not found")
		return
	}
	writeJSON(w, http.StatusOK, s.commentOut(c))
}

func (s *Server) handleUpdateComment(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveComment(w, r.PathValue("comment_id"))
	if !ok || !s.canEdit(w, c.AuthorID, c.CreatedAt, u, "comment") {
		return
	}
	var in struct {
		Body string `json:"body"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if strings.TrimSpace(in.Body) == "" || utf8.RuneCountInString(in.Body) > 10000 {
		validationError(w, []string{"body", "body"}, "body must be 1 to 10000 characters")
		return
	}
	c.Body, c.UpdatedAt = in.Body, s.now()
	writeJSON(w, http.StatusOK, s.commentOut(c))
}

func (s *Server) handleDeleteComment(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveComment(w, r.PathValue("comment_id"))
	if !ok || !s.canEdit(w, c.AuthorID, c.CreatedAt, u, "comment") {
		return
	}
	c.Deleted = true
	if p := s.posts[c.PostID]; p != nil {
		p.Comments--
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "deleted", "comment_id": c.ID})
}

// ---- votes, reactions, polls ----

type voteIn struct {
	Value *int `json:"value"`
}

// castVote records u's vote on votes, answering the live API's errors.
func (s *Server) castVote(w http.ResponseWriter, r *http.Request, u *user, authorID string, votes map[string]int, score *int) bool {
	var in voteIn
	if !decodeBody(w, r, &in) {
		return false
	}
	if in.Value == nil || (*in.Value != 1 && *in.Value != -1) {
		writeError(w, http.StatusUnprocessableEntity, "INVALID_INPUT", "Vote value must be 1 or -1")
		return false
	}
	if authorID == u.ID {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Cannot vote on your own content")
		return false
	}
	if _, done := votes[u.ID]; done {
		writeError(w, http.StatusConflict, "CONFLICT", "You have already voted on this")
		return false
	}
	votes[u.ID] = *in.Value
	*score += *in.Value
	if a := s.users[authorID]; a != nil {
		a.Karma += *in.Value
	}
	writeJSON(w, http.StatusOK, map[string]any{"score": *score, "value": *in.Value})
	return true
}

func (s *Server) handleVotePost(w http.ResponseWriter, r *http.Request, u *user) {
	if p, ok := s.livePost(w, r.PathValue("post_id")); ok {
		s.castVote(w, r, u, p.AuthorID, p.votes, &p.Score)
	}
}

func (s *Server) handleVoteComment(w http.ResponseWriter, r *http.Request, u *user) {
	if c, ok := s.liveComment(w, r.PathValue("comment_id")); ok {
		s.castVote(w, r, u, c.AuthorID, c.votes, &c.Score)
	}
}

func (s *Server) handleReactionToggle(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Emoji     string `json:"emoji"`
		PostID    string `json:"post_id"`
		CommentID string `json:"comment_id"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !slices.Contains(reactionKeys, in.Emoji) {
		validationError(w, []string{"body", "emoji"}, "emoji must be one of "+strings.Join(reactionKeys, ", "))
		return
	}
	var set map[string]map[string]bool
	var authorID, postID string
	switch {
	case in.PostID != "" && in.CommentID == "":
		p, ok := s.livePost(w, in.PostID)
		if !ok {
			return
		}
		set, authorID, postID = p.reactions, p.AuthorID, p.ID
	case in.CommentID != "" && in.PostID == "":
		c, ok := s.liveComment(w, in.CommentID)
		if !ok {
			return
		}
		set, authorID, postID = c.reactions, c.AuthorID, c.PostID
	default:
		validationError(w, []string{"body"}, "exactly one of post_id and comment_id is required")
		return
	}
	if set[in.Emoji] == nil {
		set[in.Emoji] = map[string]bool{}
	}
	on := !set[in.Emoji][u.ID]
	if on {
		set[in.Emoji][u.ID] = true
		s.emit(r, Event{Name: "post_reaction", Recipients: []string{authorID},
			Payload: map[string]any{"emoji": in.Emoji, "post_id": postID, "comment_id": nilIfEmpty(in.CommentID), "actor": u.summary()}})
	} else {
		delete(set[in.Emoji], u.ID)
	}
	writeJSON(w, http.StatusOK, map[string]any{"toggled": on, "emoji": in.Emoji, "count": len(set[in.Emoji])})
}

// pollOptions returns a poll's options from its metadata.
func pollOptions(p *post) []map[string]any {
	var out []map[string]any
	list, _ := p.Metadata["poll_options"].([]any)
	for i, o := range list {
		m, _ := o.(map[string]any)
		id, _ := m["id"].(string)
		text, _ := m["text"].(string)
		if id == "" {
			id = fmt.Sprintf("opt_%d", i+1)
		}
		if s, ok := o.(string); ok {
			text = s
		}
		out = append(out, map[string]any{"id": id, "text": text})
	}
	return out
}

func (s *Server) pollOut(p *post, u *user) map[string]any {
	counts := map[string]int{}
	total := 0
	for _, ids := range p.pollVotes {
		for _, id := range ids {
			counts[id]++
			total++
		}
	}
	options := []any{}
	for _, o := range pollOptions(p) {
		id := o["id"].(string)
		pct := 0.0
		if total > 0 {
			pct = float64(counts[id]) * 100 / float64(total)
		}
		options = append(options, map[string]any{"id": id, "text": o["text"], "vote_count": counts[id], "percentage": pct})
	}
	mine, voted := p.pollVotes[u.ID]
	if mine == nil {
		mine = []string{}
	}
	multi, _ := p.Metadata["multiple_choice"].(bool)
	showBefore, _ := p.Metadata["show_results_before_voting"].(bool)
	closed := false
	if at, _ := p.Metadata["closes_at"].(string); at != "" {
		if t, err := time.Parse(time.RFC3339, at); err == nil && !s.now().Before(t) {
			closed = true
		}
	}
	return map[string]any{"post_id": p.ID, "total_votes": total, "user_voted": voted, "user_option_ids": mine,
		"options": options, "is_closed": closed, "multiple_choice": multi,
		"show_results_before_voting": showBefore, "closing_soon": false}
}

func (s *Server) livePoll(w http.ResponseWriter, id string) (*post, bool) {
	p, ok := s.livePost(w, id)
	if !ok {
		return nil, false
	}
	if p.Type != "poll" {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "This post is not a poll")
		return nil, false
	}
	return p, true
}

func (s *Server) handlePollResults(w http.ResponseWriter, r *http.Request, u *user) {
	if p, ok := s.livePoll(w, r.PathValue("post_id")); ok {
		writeJSON(w, http.StatusOK, s.pollOut(p, u))
	}
}

func (s *Server) handlePollVote(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePoll(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		OptionIDs []string `json:"option_ids"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if len(in.OptionIDs) == 0 {
		validationError(w, []string{"body", "option_ids"}, "at least one option is required")
		return
	}
	valid := map[string]bool{}
	for _, o := range pollOptions(p) {
		valid[o["id"].(string)] = true
	}
	for _, id := range in.OptionIDs {
		if !valid[id] {
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Unknown poll option "+id)
			return
		}
	}
	if multi, _ := p.Metadata["multiple_choice"].(bool); !multi && len(in.OptionIDs) > 1 {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "This poll takes a single option")
		return
	}
	if s.pollOut(p, u)["is_closed"].(bool) {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "This poll is closed")
		return
	}
	p.pollVotes[u.ID] = slices.Compact(slices.Sorted(slices.Values(in.OptionIDs)))
	writeJSON(w, http.StatusOK, s.pollOut(p, u))
}
