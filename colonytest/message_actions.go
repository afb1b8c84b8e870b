package colonytest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Per-message operations, for 1:1 and group messages alike. Every one
// needs the caller to be an accepted participant of the message's
// conversation (403 otherwise; 404 for an unknown message).

// deletedBody replaces the body of a deleted message (its tombstone).
const deletedBody = "This message was deleted."

// maxEmojiLength is the longest reaction, in characters.
const maxEmojiLength = 30

// registerMessageActions serves the three {action} routes, one handler per
// action; another action is 404.
func (s *Server) registerMessageActions() {
	s.route(MessageGetRoute, byPathValue("action", map[string]apiHandler{
		"reads": s.handleMessageReads, "edits": s.handleMessageEdits}))
	s.route(MessagePostRoute, byPathValue("action", map[string]apiHandler{
		"read": s.handleMarkMessageRead, "reactions": s.handleAddReaction, "star": s.handleToggleStar, "forward": s.handleForward}))
	s.route(MessageDeleteRoute, byPathValue("action", map[string]apiHandler{"reactions": s.handleRemoveReaction}))
}

// liveMessage resolves {message_id} for a participant.
func (s *Server) liveMessage(w http.ResponseWriter, r *http.Request, u *user) (*message, bool) {
	m, ok := found(w, s.msg.messages, r.PathValue("message_id"), "Message", nil)
	if !ok {
		return nil, false
	}
	if m.conv.member(u) == nil {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "You are not a participant of this conversation")
		return nil, false
	}
	return m, true
}

// ownMessage is liveMessage for the sender only.
func (s *Server) ownMessage(w http.ResponseWriter, r *http.Request, u *user, verb string) (*message, bool) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return nil, false
	}
	if m.senderID != u.ID {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the sender can "+verb+" this message")
		return nil, false
	}
	return m, true
}

func (s *Server) handleMarkMessageRead(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	out := map[string]any{"message_id": m.ID, "was_unread": false, "read_at": nil}
	if m.senderID != u.ID {
		at, read := m.reads[u.ID]
		if !read {
			at = s.now()
			m.reads[u.ID] = at
		}
		out["was_unread"], out["read_at"] = !read, ts(at)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleMessageReads lists who saw a message. Readers who turned read
// receipts off for the group count as unseen.
func (s *Server) handleMessageReads(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	seen, unseen := []any{}, []any{}
	for _, id := range m.conv.order {
		p := m.conv.parts[id]
		if id == m.senderID || p.pending {
			continue
		}
		o := s.users[id]
		entry := map[string]any{"user_id": o.ID, "username": o.Username, "display_name": o.DisplayName, "read_at": nil}
		if at, read := m.reads[id]; read && s.showsReceipts(m.conv, id) {
			entry["read_at"] = ts(at)
			seen = append(seen, entry)
		} else {
			unseen = append(unseen, entry)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"is_group": m.conv.IsGroup, "total_others": len(seen) + len(unseen),
		"seen_count": len(seen), "seen": seen, "unseen": unseen})
}

func (s *Server) handleAddReaction(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	var in struct {
		Emoji string `json:"emoji"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if n := utf8.RuneCountInString(in.Emoji); strings.TrimSpace(in.Emoji) == "" || n > maxEmojiLength {
		validationError(w, []string{"body", "emoji"}, fmt.Sprintf("emoji must be 1 to %d characters", maxEmojiLength))
		return
	}
	for _, x := range m.reactions {
		if x.userID == u.ID && x.emoji == in.Emoji {
			writeJSON(w, http.StatusOK, s.reactionOut(x))
			return
		}
	}
	x := &msgReaction{emoji: in.Emoji, userID: u.ID, createdAt: s.now()}
	m.reactions = append(m.reactions, x)
	writeJSON(w, http.StatusCreated, s.reactionOut(x))
}

func (s *Server) handleRemoveReaction(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	emoji := r.PathValue("arg")
	before := len(m.reactions)
	m.reactions = slices.DeleteFunc(m.reactions, func(x *msgReaction) bool { return x.userID == u.ID && x.emoji == emoji })
	writeJSON(w, http.StatusOK, map[string]any{"removed": len(m.reactions) < before, "emoji": emoji, "message_id": m.ID})
}

func (s *Server) handleEditMessage(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.ownMessage(w, r, u, "edit")
	if !ok {
		return
	}
	if m.deleted {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "A deleted message cannot be edited")
		return
	}
	if s.now().Sub(m.createdAt) > MessageEditWindow {
		writeError(w, http.StatusForbidden, "EDIT_WINDOW_EXPIRED", "The 5-minute edit window for this message has passed")
		return
	}
	body, ok := bodyText(w, r, maxMessageBody)
	if !ok {
		return
	}
	m.versions = append(m.versions, msgVersion{body: m.body, at: m.bodyAt()})
	m.body, m.editedAt = body, s.now()
	writeJSON(w, http.StatusOK, s.messageOut(m, u))
}

// bodyAt is when the current body was written.
func (m *message) bodyAt() time.Time {
	if !m.editedAt.IsZero() {
		return m.editedAt
	}
	return m.createdAt
}

func (s *Server) handleMessageEdits(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	versions := []any{map[string]any{"body": m.body, "at": ts(m.bodyAt()), "is_current": true}}
	for i := len(m.versions) - 1; i >= 0; i-- {
		versions = append(versions, map[string]any{"body": m.versions[i].body, "at": ts(m.versions[i].at), "is_current": false})
	}
	writeJSON(w, http.StatusOK, map[string]any{"message_id": m.ID, "versions": versions})
}

// handleDeleteMessage turns a message into a tombstone; its reactions,
// reads and earlier versions stay, the deleted body does not.
func (s *Server) handleDeleteMessage(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.ownMessage(w, r, u, "delete")
	if !ok {
		return
	}
	m.body, m.deleted = deletedBody, true
	writeJSON(w, http.StatusOK, map[string]any{"deleted": true, "message_id": m.ID})
}

func (s *Server) handleToggleStar(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	list := s.msg.saved[u.ID]
	i := slices.IndexFunc(list, func(e *savedEntry) bool { return e.msg == m })
	if i >= 0 {
		s.msg.saved[u.ID] = slices.Delete(list, i, i+1)
	} else {
		s.msg.saved[u.ID] = append(list, &savedEntry{msg: m, at: s.now()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"saved": i < 0})
}

// handleListSaved lists starred messages, most recently starred first.
func (s *Server) handleListSaved(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	list := slices.Clone(s.msg.saved[u.ID])
	slices.Reverse(list)
	env := page(list, offset, limit, func(e *savedEntry) any {
		c := e.msg.conv
		out := map[string]any{"saved_at": ts(e.at), "note": nil, "message": s.messageOut(e.msg, u),
			"is_group": c.IsGroup, "other_username": nil, "conversation_title": nil}
		if c.IsGroup {
			out["conversation_title"] = c.Title
		} else {
			out["other_username"] = s.users[c.other(u)].Username
		}
		return out
	})
	writeJSON(w, http.StatusOK, map[string]any{"messages": env["items"],
		"pagination": map[string]any{"total": env["total"], "has_more": env["has_more"]}})
}

// handleForward sends a quote of a message, under an optional comment, to
// a user as a direct message.
func (s *Server) handleForward(w http.ResponseWriter, r *http.Request, u *user) {
	m, ok := s.liveMessage(w, r, u)
	if !ok {
		return
	}
	q := r.URL.Query()
	to := s.recipientByName(q.Get("recipient_username"))
	switch {
	case to == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
		return
	case to.ID == u.ID:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "You cannot forward a message to yourself")
		return
	case !canMessage(w, u), !s.notBlocked(w, to, u):
		return
	case m.deleted:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "A deleted message cannot be forwarded")
		return
	}
	comment := q.Get("comment")
	if !checkLengths(w, atMost("query", "comment", &comment, maxMessageBody)) {
		return
	}
	body := "> " + strings.ReplaceAll(m.body, "\n", "\n> ")
	if comment != "" {
		body = comment + "\n" + body
	}
	c := s.dmConversation(u, to, true)
	fwd := s.postMessage(c, u, body, nil, nil)
	s.afterDM(r, u, to, fwd)
	writeJSON(w, http.StatusCreated, s.messageOut(fwd, u))
}
