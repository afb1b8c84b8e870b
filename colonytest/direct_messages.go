package colonytest

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Messaging: 1:1 conversations (one per pair of users), groups, per-message
// state (reads, reactions, edits, stars) and image attachments.

// The route patterns of the per-message operations, for FailNext and
// RequestsTo. Go's ServeMux cannot register "POST /messages/send/{username}"
// beside "POST /messages/{message_id}/read" (both match
// /messages/send/read), so these operations share three patterns.
const (
	// MessageGetRoute serves GET .../reads and .../edits.
	MessageGetRoute = "GET /messages/{message_id}/{action}"
	// MessagePostRoute serves POST .../read, .../reactions, .../star and
	// .../forward.
	MessagePostRoute = "POST /messages/{message_id}/{action}"
	// MessageDeleteRoute serves DELETE .../reactions/{emoji}.
	MessageDeleteRoute = "DELETE /messages/{message_id}/{action}/{arg}"
)

// MessageEditWindow is how long after sending a message its sender may edit
// it, as on the live API.
const MessageEditWindow = 5 * time.Minute

// dmMinKarma is the karma a user needs to send direct messages (and to
// invite others to groups, which runs the same eligibility checks).
const dmMinKarma = 5

// maxMessageBody is the longest message body, in characters.
const maxMessageBody = 10000

type messagingState struct {
	convs       map[string]*conversation
	dmByPair    map[string]*conversation // key: the two user ids, sorted
	messages    map[string]*message
	attachments map[string]*attachment
	saved       map[string][]*savedEntry // by user id, oldest first
}

// conversation is a 1:1 thread or a group.
type conversation struct {
	ID          string
	IsGroup     bool
	Title       string
	Description string
	CreatorID   string
	Template    string
	CreatedAt   time.Time
	LastAt      time.Time
	parts       map[string]*participant // by user id
	order       []string                // participant ids, in joining order
	msgs        []*message              // chronological
	pins        []*pin
	avatar      *storedImage
	avatarVer   int
}

type participant struct {
	userID       string
	admin        bool
	pending      bool // invited to a group, not accepted yet
	muted        bool
	mutedUntil   time.Time // zero: forever
	snoozedUntil time.Time
	receipts     *bool     // per-group read-receipt override
	spamAt       time.Time // 1:1 only: when this side marked the thread spam
	spamReason   string
}

type message struct {
	ID          string
	conv        *conversation
	senderID    string
	body        string
	replyTo     *message
	attachments []*attachment
	createdAt   time.Time
	editedAt    time.Time
	deleted     bool
	versions    []msgVersion // earlier bodies, oldest first
	reactions   []*msgReaction
	reads       map[string]time.Time // user id → read at
}

type msgVersion struct {
	body string
	at   time.Time
}

type msgReaction struct {
	emoji     string
	userID    string
	createdAt time.Time
}

type pin struct {
	msg *message
	at  time.Time
}

type savedEntry struct {
	msg *message
	at  time.Time
}

func (s *Server) registerMessaging() {
	s.msg = &messagingState{
		convs: map[string]*conversation{}, dmByPair: map[string]*conversation{},
		messages: map[string]*message{}, attachments: map[string]*attachment{}, saved: map[string][]*savedEntry{},
	}
	s.route("POST /messages/send/{username}", s.handleSendDM)
	s.route("GET /messages/conversations", s.handleListConversations)
	s.route("GET /messages/conversations/{username}", s.handleGetConversation)
	s.route("POST /messages/conversations/{username}/spam", s.handleMarkSpam)
	s.route("DELETE /messages/conversations/{username}/spam", s.handleUnmarkSpam)
	s.route("GET /messages/unread-count", s.handleUnreadCount)
	s.route("GET /messages/saved", s.handleListSaved)
	s.route("PATCH /messages/{message_id}", s.handleEditMessage)
	s.route("DELETE /messages/{message_id}", s.handleDeleteMessage)
	s.registerMessageActions()
}

// ---- rendering ----

// messageOut renders m as MessageOut, as viewer sees it: is_read is the
// viewer's own read for others' messages, and whether anyone else read it
// for the viewer's own.
func (s *Server) messageOut(m *message, viewer *user) map[string]any {
	readAt := m.reads[viewer.ID]
	if m.senderID == viewer.ID {
		readAt = time.Time{}
		for id, at := range m.reads {
			if id != viewer.ID && s.showsReceipts(m.conv, id) && (readAt.IsZero() || at.Before(readAt)) {
				readAt = at
			}
		}
	}
	reactions := []any{}
	for _, r := range m.reactions {
		reactions = append(reactions, s.reactionOut(r))
	}
	attachments := []any{}
	for _, a := range m.attachments {
		if !a.deleted {
			attachments = append(attachments, a.out())
		}
	}
	var reply any
	if p := m.replyTo; p != nil {
		reply = map[string]any{"id": p.ID, "sender_id": p.senderID, "sender_username": s.users[p.senderID].Username,
			"body_preview": msgPreview(p.body, 120), "deleted": p.deleted}
	}
	return map[string]any{
		"id": m.ID, "conversation_id": m.conv.ID, "sender": s.users[m.senderID].out(), "body": m.body,
		"is_read": !readAt.IsZero(), "read_at": tsOrNil(readAt), "edited_at": tsOrNil(m.editedAt),
		"reactions": reactions, "reply_to": reply, "attachments": attachments,
		"created_at": ts(m.createdAt), "is_deleted": m.deleted,
	}
}

func (s *Server) reactionOut(r *msgReaction) map[string]any {
	return map[string]any{"emoji": r.emoji, "user_id": r.userID, "username": s.users[r.userID].Username, "created_at": ts(r.createdAt)}
}

// msgPreview shortens text to at most n characters.
func msgPreview(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	return string([]rune(text)[:n-1]) + "…"
}

// ---- lookups and rules ----

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}

// member returns u's accepted participation in c, or nil.
func (c *conversation) member(u *user) *participant {
	if p := c.parts[u.ID]; p != nil && !p.pending {
		return p
	}
	return nil
}

// other returns the other side of a 1:1 conversation.
func (c *conversation) other(u *user) string {
	for _, id := range c.order {
		if id != u.ID {
			return id
		}
	}
	return u.ID
}

func (c *conversation) addParticipant(userID string, p *participant) {
	c.parts[userID] = p
	c.order = append(c.order, userID)
}

func (c *conversation) removeParticipant(userID string) {
	delete(c.parts, userID)
	c.order = slices.DeleteFunc(c.order, func(id string) bool { return id == userID })
}

// showsReceipts reports whether userID's reads in c are visible to others.
func (s *Server) showsReceipts(c *conversation, userID string) bool {
	if p := c.parts[userID]; p != nil && p.receipts != nil {
		return *p.receipts
	}
	return true
}

// unread counts the messages in c that u has not read.
func (c *conversation) unread(u *user) int {
	if c.member(u) == nil {
		return 0
	}
	n := 0
	for _, m := range c.msgs {
		if _, read := m.reads[u.ID]; !read && m.senderID != u.ID && !m.deleted {
			n++
		}
	}
	return n
}

// canMessage enforces the DM eligibility checks on a sender.
func canMessage(w http.ResponseWriter, u *user) bool {
	if u.Karma < dmMinKarma {
		writeError(w, http.StatusForbidden, "KARMA_TOO_LOW",
			fmt.Sprintf("You need at least %d karma to send direct messages (you have %d)", dmMinKarma, u.Karma))
		return false
	}
	return true
}

// notBlocked refuses a message from sender to a recipient who blocked them.
func (s *Server) notBlocked(w http.ResponseWriter, recipient, sender *user) bool {
	if s.ppl.blocks[recipient.ID][sender.ID] {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "This user does not accept messages from you")
		return false
	}
	return true
}

// dmTarget resolves the {username} of a 1:1 route, refusing yourself and
// unknown users with 404 as the live API does.
func (s *Server) dmTarget(w http.ResponseWriter, r *http.Request, u *user) (*user, bool) {
	other := s.recipientByName(r.PathValue("username"))
	if other == nil || other.ID == u.ID {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
		return nil, false
	}
	return other, true
}

// recipientByName finds a user by username, case-insensitively as the
// messaging routes do.
func (s *Server) recipientByName(name string) *user {
	if u := s.usersByName[name]; u != nil {
		return u
	}
	for n, u := range s.usersByName {
		if strings.EqualFold(n, name) {
			return u
		}
	}
	return nil
}

// dmConversation returns the conversation of a pair, creating it when
// create is set.
func (s *Server) dmConversation(a, b *user, create bool) *conversation {
	key := pairKey(a.ID, b.ID)
	c := s.msg.dmByPair[key]
	if c == nil && create {
		now := s.now()
		c = &conversation{ID: newID(), CreatedAt: now, LastAt: now, parts: map[string]*participant{}}
		c.addParticipant(a.ID, &participant{userID: a.ID})
		c.addParticipant(b.ID, &participant{userID: b.ID})
		s.msg.dmByPair[key] = c
		s.msg.convs[c.ID] = c
	}
	return c
}

// sendIn is the body of both send routes.
type sendIn struct {
	Body             string   `json:"body"`
	ReplyToMessageID string   `json:"reply_to_message_id"`
	AttachmentIDs    []string `json:"attachment_ids"`
}

// checkSend validates a send body against c (nil for a 1:1 thread that has
// no message yet), answering the error.
func (s *Server) checkSend(w http.ResponseWriter, c *conversation, u *user, in *sendIn) (*message, []*attachment, bool) {
	var atts []*attachment
	for _, id := range in.AttachmentIDs {
		a := s.msg.attachments[id]
		if a == nil || a.deleted || a.uploaderID != u.ID {
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Unknown attachment "+id)
			return nil, nil, false
		}
		atts = append(atts, a)
	}
	if strings.TrimSpace(in.Body) == "" && len(atts) == 0 {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Message body must not be empty")
		return nil, nil, false
	}
	if !checkLengths(w, atMost("body", "body", &in.Body, maxMessageBody)) {
		return nil, nil, false
	}
	var reply *message
	if in.ReplyToMessageID != "" {
		reply = s.msg.messages[in.ReplyToMessageID]
		if reply == nil || reply.conv != c {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "The message you reply to is not in this conversation")
			return nil, nil, false
		}
	}
	return reply, atts, true
}

// postMessage stores a new message from u in c.
func (s *Server) postMessage(c *conversation, u *user, body string, reply *message, atts []*attachment) *message {
	now := s.now()
	m := &message{ID: newID(), conv: c, senderID: u.ID, body: body, replyTo: reply, attachments: atts,
		createdAt: now, reads: map[string]time.Time{}}
	s.msg.messages[m.ID] = m
	c.msgs = append(c.msgs, m)
	c.LastAt = now
	return m
}

// ---- direct messages ----

func (s *Server) handleSendDM(w http.ResponseWriter, r *http.Request, u *user) {
	to, ok := s.dmTarget(w, r, u)
	if !ok || !canMessage(w, u) || !s.notBlocked(w, to, u) {
		return
	}
	var in sendIn
	if !decodeBody(w, r, &in) {
		return
	}
	c := s.dmConversation(u, to, false) // nil before the first message
	reply, atts, ok := s.checkSend(w, c, u, &in)
	if !ok || !s.admitFirstDM(w, c, u, to) { // inbox mode and cold-DM budget (outreach.go)
		return
	}
	c = s.dmConversation(u, to, true)
	m := s.postMessage(c, u, in.Body, reply, atts)
	s.afterDM(r, u, to, m)
	writeJSON(w, http.StatusCreated, s.messageOut(m, u))
}

// afterDM raises the notification and event of a new direct message.
func (s *Server) afterDM(r *http.Request, from, to *user, m *message) {
	s.notify(to.ID, from.ID, "direct_message", fmt.Sprintf("%s sent you a message", from.Username), "", "")
	s.emit(r, Event{Name: "direct_message", Recipients: []string{to.ID}, Payload: map[string]any{
		"message": s.messageOut(m, to), "conversation_id": m.conv.ID, "sender": from.summary()}})
}

// handleListConversations answers a bare JSON array, as the live API does.
// Threads you marked as spam, and threads with users you blocked, are
// hidden.
func (s *Server) handleListConversations(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, archived, ok := conversationPaging(w, r)
	if !ok {
		return
	}
	var list []*conversation
	for _, c := range s.msg.dmByPair {
		if p := c.parts[u.ID]; p != nil && p.spamAt.IsZero() && len(c.msgs) > 0 && !s.ppl.blocks[u.ID][c.other(u)] &&
			(archived || !s.later.dmArchived[u.ID][c.ID]) {
			list = append(list, c)
		}
	}
	slices.SortFunc(list, func(a, b *conversation) int { return cmp.Or(b.LastAt.Compare(a.LastAt), cmp.Compare(a.ID, b.ID)) })
	list = list[min(offset, len(list)):]
	list = list[:min(limit, len(list))]
	out := []any{}
	for _, c := range list {
		var last any
		for i := len(c.msgs) - 1; i >= 0; i-- {
			if !c.msgs[i].deleted {
				last = msgPreview(c.msgs[i].body, 100)
				break
			}
		}
		out = append(out, map[string]any{
			"id": c.ID, "other_user": s.users[c.other(u)].out(), "last_message_at": ts(c.LastAt),
			"unread_count": c.unread(u), "last_message_preview": last, "is_archived": s.later.dmArchived[u.ID][c.ID],
		})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleGetConversation(w http.ResponseWriter, r *http.Request, u *user) {
	other, ok := s.dmTarget(w, r, u)
	if !ok {
		return
	}
	c := s.dmConversation(u, other, false)
	if c == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Conversation not found")
		return
	}
	msgs := []any{}
	for _, m := range c.msgs {
		msgs = append(msgs, s.messageOut(m, u))
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": c.ID, "other_user": other.out(), "messages": msgs})
}

var spamReasons = []string{"spam", "harassment", "misinformation", "off_topic", "prompt_injection", "other"}

// spamConversation resolves the thread of a spam route and your side of it.
func (s *Server) spamConversation(w http.ResponseWriter, r *http.Request, u *user) (*conversation, *participant, bool) {
	other, ok := s.dmTarget(w, r, u)
	if !ok {
		return nil, nil, false
	}
	c := s.dmConversation(u, other, false)
	if c == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "No conversation with this user")
		return nil, nil, false
	}
	return c, c.parts[u.ID], true
}

func (s *Server) handleMarkSpam(w http.ResponseWriter, r *http.Request, u *user) {
	c, p, ok := s.spamConversation(w, r, u)
	if !ok {
		return
	}
	var in struct {
		Reason      string  `json:"reason"`
		ReasonCode  string  `json:"reason_code"` // the name before 2026-09-27a
		Description *string `json:"description"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Reason == "" && in.ReasonCode != "" {
		addDeprecation(w, HeaderDeprecatedParams, "reason_code=reason")
	}
	in.ReasonCode = cmp.Or(in.Reason, in.ReasonCode)
	if !checkLengths(w, atMost("body", "description", in.Description, 2000)) {
		return
	}
	if !slices.Contains(spamReasons, in.ReasonCode) {
		in.ReasonCode = "other"
	}
	status, report := http.StatusOK, any(nil)
	if p.spamAt.IsZero() {
		p.spamAt, p.spamReason = s.now(), in.ReasonCode
		status, report = http.StatusCreated, newID()
	}
	writeJSON(w, status, map[string]any{"conversation_id": c.ID, "spam_reported_at": ts(p.spamAt),
		"spam_reason_code": p.spamReason, "report_id": report})
}

func (s *Server) handleUnmarkSpam(w http.ResponseWriter, r *http.Request, u *user) {
	c, p, ok := s.spamConversation(w, r, u)
	if !ok {
		return
	}
	p.spamAt, p.spamReason = time.Time{}, ""
	writeJSON(w, http.StatusOK, map[string]any{"conversation_id": c.ID, "spam_reported_at": nil,
		"spam_reason_code": nil, "report_id": nil})
}

// handleUnreadCount counts unread messages across your 1:1 threads and the
// groups you belong to.
func (s *Server) handleUnreadCount(w http.ResponseWriter, r *http.Request, u *user) {
	n := 0
	for _, c := range s.msg.convs {
		n += c.unread(u)
	}
	writeJSON(w, http.StatusOK, map[string]any{"unread_count": n})
}
