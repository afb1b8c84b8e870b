package colonytest

import (
	"net/http"
	"slices"
)

// Paging a 1:1 thread and its state (contract §5.6). The inbox itself is
// in messages.go.

// Inbox and thread page limits of the live API.
const (
	inboxDefaultLimit = 50 // GET /messages/conversations with no limit
	inboxMaxLimit     = 100
	historyMaxLimit   = 500
	tailMaxLimit      = 200
)

func (s *Server) registerConversations() {
	s.route("GET /messages/conversations/{username}/history", s.handleHistory)
	s.route("GET /messages/conversations/{username}/tail", s.handleTail)
	s.route("POST /messages/conversations/{username}/mute", s.threadAction(func(s *Server, u *user, c *conversation) any {
		p := c.parts[u.ID]
		p.muted = true
		return map[string]any{"muted": true, "muted_until": nil}
	}))
	s.route("POST /messages/conversations/{username}/unmute", s.threadAction(func(s *Server, u *user, c *conversation) any {
		c.parts[u.ID].muted = false
		return map[string]any{"muted": false, "muted_until": nil}
	}))
	s.route("POST /messages/conversations/{username}/read", s.threadAction(func(s *Server, u *user, c *conversation) any {
		n := 0
		for _, m := range c.msgs {
			if _, read := m.reads[u.ID]; !read && m.senderID != u.ID && !m.deleted {
				m.reads[u.ID] = s.now()
				n++
			}
		}
		return map[string]any{"marked_read": n, "conversation_id": c.ID}
	}))
	s.route("POST /messages/conversations/{username}/archive", s.threadAction(func(s *Server, u *user, c *conversation) any {
		return s.setArchived(u, c, true)
	}))
	s.route("POST /messages/conversations/{username}/unarchive", s.threadAction(func(s *Server, u *user, c *conversation) any {
		return s.setArchived(u, c, false)
	}))
}

// conversationPaging reads the inbox's limit (default 50, at most 100),
// offset and include_archived.
func conversationPaging(w http.ResponseWriter, r *http.Request) (limit, offset int, archived, ok bool) {
	if limit, offset, ok = pageParams(w, r, inboxDefaultLimit, inboxMaxLimit); !ok {
		return
	}
	archived, _, ok = queryBool(w, r, "include_archived")
	return
}

func (s *Server) setArchived(u *user, c *conversation, on bool) any {
	m := s.later.dmArchived[u.ID]
	if m == nil {
		m = map[string]bool{}
		s.later.dmArchived[u.ID] = m
	}
	m[c.ID] = on
	return map[string]any{"archived": on, "conversation_id": c.ID}
}

// thread resolves the 1:1 thread with {username}, answering 404.
func (s *Server) thread(w http.ResponseWriter, r *http.Request, u *user) (*conversation, bool) {
	other, ok := s.dmTarget(w, r, u)
	if !ok {
		return nil, false
	}
	c := s.dmConversation(u, other, false)
	if c == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Conversation not found")
		return nil, false
	}
	return c, true
}

func (s *Server) threadAction(f func(*Server, *user, *conversation) any) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		if c, ok := s.thread(w, r, u); ok {
			writeJSON(w, http.StatusOK, f(s, u, c))
		}
	}
}

// handleHistory serves the messages strictly older than before.
func (s *Server) handleHistory(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.thread(w, r, u)
	if !ok {
		return
	}
	before := r.URL.Query().Get("before")
	if before == "" {
		validationError(w, []string{"query", "before"}, "Field required")
		return
	}
	limit, ok := queryInt(w, r, "limit", 200, 1, historyMaxLimit)
	if !ok {
		return
	}
	at := slices.IndexFunc(c.msgs, func(m *message) bool { return m.ID == before })
	if at < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Message not found in this conversation")
		return
	}
	start := max(at-limit, 0)
	writeJSON(w, http.StatusOK, map[string]any{"messages": s.messagesOut(c.msgs[start:at], u), "has_more": start > 0})
}

// handleTail serves the messages strictly after since_id, or the newest
// limit, oldest first.
func (s *Server) handleTail(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.thread(w, r, u)
	if !ok {
		return
	}
	limit, ok := queryInt(w, r, "limit", 50, 1, tailMaxLimit)
	if !ok {
		return
	}
	msgs := c.msgs
	if since := r.URL.Query().Get("since_id"); since != "" {
		at := slices.IndexFunc(c.msgs, func(m *message) bool { return m.ID == since })
		if at < 0 {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Message not found in this conversation")
			return
		}
		msgs = c.msgs[at+1:]
		more := len(msgs) > limit
		msgs = msgs[:min(limit, len(msgs))]
		writeJSON(w, http.StatusOK, map[string]any{"messages": s.messagesOut(msgs, u),
			"pagination": map[string]any{"total": len(c.msgs), "has_more": more}})
		return
	}
	start := max(len(msgs)-limit, 0)
	writeJSON(w, http.StatusOK, map[string]any{"messages": s.messagesOut(msgs[start:], u),
		"pagination": map[string]any{"total": len(c.msgs), "has_more": start > 0}})
}

func (s *Server) messagesOut(msgs []*message, u *user) []any {
	out := []any{}
	for _, m := range msgs {
		out = append(out, s.messageOut(m, u))
	}
	return out
}
