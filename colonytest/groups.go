package colonytest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Groups: a creator (an admin) and up to 49 other members. Invitees are
// pending until they accept and get 403 on everything but the invite
// answer; management by a non-admin is 403.

// maxGroupMembers is the most participants a group may have, pending
// invitees and the creator included.
const maxGroupMembers = 50

// groupTemplate is an entry of the template catalog.
type groupTemplate struct {
	Slug, Title, Description string
	Roles                    []string
	Starter                  string
}

// groupTemplates is the catalog of GET /messages/groups/templates.
var groupTemplates = []groupTemplate{
	{Slug: "software-team", Title: "Software team", Description: "Plan, review and ship code together.",
		Roles:   []string{"lead", "reviewer", "release manager"},
		Starter: "Welcome to the team! Pin the release checklist and the on-call rota here."},
	{Slug: "research-pod", Title: "Research pod", Description: "Share papers, findings and experiment plans.",
		Roles:   []string{"lead researcher", "experimenter", "reviewer"},
		Starter: "Welcome! One finding per message, with its sources."},
	{Slug: "study-group", Title: "Study group", Description: "Learn a topic together.",
		Roles: []string{"organiser", "member"}},
}

func (s *Server) registerGroups() {
	s.route("POST /messages/groups", s.handleCreateGroup)
	s.route("GET /messages/groups/templates", s.handleListTemplates)
	s.route("POST /messages/groups/from-template", s.handleCreateFromTemplate)
	s.route("GET /messages/groups/{conv_id}", s.handleGetGroup)
	s.route("PATCH /messages/groups/{conv_id}", s.handleUpdateGroup)
	s.route("POST /messages/groups/{conv_id}/send", s.handleSendGroupMessage)
	s.route("GET /messages/groups/{conv_id}/members", s.handleListGroupMembers)
	s.route("POST /messages/groups/{conv_id}/members", s.handleAddGroupMember)
	s.route("DELETE /messages/groups/{conv_id}/members/{user_id}", s.handleRemoveGroupMember)
	s.route("PUT /messages/groups/{conv_id}/members/{user_id}/admin", s.handleSetGroupAdmin)
	s.route("POST /messages/groups/{conv_id}/transfer-creator", s.handleTransferCreator)
	s.route("POST /messages/groups/{conv_id}/invite/respond", s.handleRespondInvite)
	s.route("POST /messages/groups/{conv_id}/read-all", s.handleGroupReadAll)
	s.route("POST /messages/groups/{conv_id}/mute", s.handleMuteGroup)
	s.route("POST /messages/groups/{conv_id}/unmute", s.handleUnmuteGroup)
	s.route("POST /messages/groups/{conv_id}/snooze", s.handleSnoozeGroup)
	s.route("POST /messages/groups/{conv_id}/unsnooze", s.handleUnsnoozeGroup)
	s.route("PATCH /messages/groups/{conv_id}/receipts", s.handleGroupReceipts)
	s.route("POST /messages/groups/{conv_id}/messages/{msg_id}/pin", s.handlePinMessage)
	s.route("DELETE /messages/groups/{conv_id}/messages/{msg_id}/pin", s.handleUnpinMessage)
	s.route("GET /messages/groups/{conv_id}/search", s.handleSearchGroup)
}

// ---- lookups and rendering ----

// groupByID resolves {conv_id} to a group, answering 404.
func (s *Server) groupByID(w http.ResponseWriter, r *http.Request) (*conversation, bool) {
	return found(w, s.msg.convs, r.PathValue("conv_id"), "Group", func(c *conversation) bool { return c.IsGroup })
}

// memberGroup resolves {conv_id} for an accepted member (an admin when admin is
// set), answering 404 or 403.
func (s *Server) memberGroup(w http.ResponseWriter, r *http.Request, u *user, admin bool) (*conversation, *participant, bool) {
	c, ok := s.groupByID(w, r)
	if !ok {
		return nil, nil, false
	}
	p := c.parts[u.ID]
	switch {
	case p == nil:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "You are not a member of this group")
	case p.pending:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Accept your invite to this group first")
	case admin && !p.admin:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only group admins can do this")
	default:
		return c, p, true
	}
	return nil, nil, false
}

func inviteStatus(p *participant) string {
	if p.pending {
		return "pending"
	}
	return "accepted"
}

func (c *conversation) memberCount() int {
	n := 0
	for _, p := range c.parts {
		if !p.pending {
			n++
		}
	}
	return n
}

func (c *conversation) avatarURL() any {
	if c.avatar == nil {
		return nil
	}
	return fmt.Sprintf("/messages/groups/%s/avatar?v=%d", c.ID, c.avatarVer)
}

// groupOut renders a group with its members, as create and update answer.
func (s *Server) groupOut(c *conversation) map[string]any {
	members := []any{}
	for _, id := range c.order {
		o, p := s.users[id], c.parts[id]
		members = append(members, map[string]any{"id": o.ID, "username": o.Username, "display_name": o.DisplayName,
			"is_admin": p.admin, "invite_status": inviteStatus(p)})
	}
	return map[string]any{"id": c.ID, "title": c.Title, "description": nilIfEmpty(c.Description), "is_group": true,
		"creator_id": c.CreatorID, "member_count": c.memberCount(), "members": members, "avatar_url": c.avatarURL()}
}

// ---- lifecycle ----

// createGroup validates and creates a group of u and the invitees named
// by usernames, answering any error.
func (s *Server) createGroup(w http.ResponseWriter, u *user, title string, usernames []string) (*conversation, []*user, bool) {
	if !checkLengths(w, oneTo("query", "title", &title, 100)) {
		return nil, nil, false
	}
	var invitees []*user
	for _, name := range usernames {
		o := s.recipientByName(name)
		if o == nil {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found: "+name)
			return nil, nil, false
		}
		if o.ID != u.ID && !slices.Contains(invitees, o) {
			invitees = append(invitees, o)
		}
	}
	if len(invitees) == 0 || len(invitees) > maxGroupMembers-1 {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", fmt.Sprintf("A group needs 1 to %d members besides you", maxGroupMembers-1))
		return nil, nil, false
	}
	if !canMessage(w, u) {
		return nil, nil, false
	}
	for _, o := range invitees { // the DM eligibility checks apply to every invitee
		if !s.notBlocked(w, o, u) {
			return nil, nil, false
		}
	}
	now := s.now()
	c := &conversation{ID: newID(), IsGroup: true, Title: strings.TrimSpace(title), CreatorID: u.ID,
		CreatedAt: now, LastAt: now, parts: map[string]*participant{}}
	c.addParticipant(u.ID, &participant{userID: u.ID, admin: true})
	for _, o := range invitees {
		c.addParticipant(o.ID, &participant{userID: o.ID, pending: true})
	}
	s.msg.convs[c.ID] = c
	return c, invitees, true
}

// inviteToGroup notifies the invitees of a group.
func (s *Server) inviteToGroup(r *http.Request, c *conversation, by *user, invitees ...*user) {
	for _, o := range invitees {
		s.notify(o.ID, by.ID, "group_invite", fmt.Sprintf("%s invited you to %q", by.Username, c.Title), "", "")
		s.emit(r, Event{Name: "group_invite", Recipients: []string{o.ID}, Payload: map[string]any{
			"conversation_id": c.ID, "title": c.Title, "inviter": by.summary()}})
	}
}

func (s *Server) handleCreateGroup(w http.ResponseWriter, r *http.Request, u *user) {
	q := r.URL.Query()
	c, invitees, ok := s.createGroup(w, u, q.Get("title"), q["members"])
	if !ok {
		return
	}
	s.inviteToGroup(r, c, u, invitees...)
	writeJSON(w, http.StatusCreated, s.groupOut(c))
}

func (s *Server) handleListTemplates(w http.ResponseWriter, r *http.Request, u *user) {
	out := []any{}
	for _, t := range groupTemplates {
		out = append(out, map[string]any{"slug": t.Slug, "title": t.Title, "description": t.Description,
			"suggested_roles": t.Roles, "starter_pinned_message": t.Starter})
	}
	writeJSON(w, http.StatusOK, map[string]any{"templates": out,
		"pagination": map[string]any{"total": len(out), "has_more": false}})
}

// handleCreateFromTemplate creates a group titled after the template (or
// title_override) and posts and pins the template's starter message.
func (s *Server) handleCreateFromTemplate(w http.ResponseWriter, r *http.Request, u *user) {
	q := r.URL.Query()
	i := slices.IndexFunc(groupTemplates, func(t groupTemplate) bool { return t.Slug == q.Get("template") })
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Unknown template "+q.Get("template"))
		return
	}
	t := groupTemplates[i]
	title := t.Title
	if q.Has("title_override") {
		title = q.Get("title_override")
	}
	c, invitees, ok := s.createGroup(w, u, title, q["members"])
	if !ok {
		return
	}
	c.Template, c.Description = t.Slug, t.Description
	var starter any
	if t.Starter != "" {
		m := s.postMessage(c, u, t.Starter, nil, nil)
		c.pins = append(c.pins, &pin{msg: m, at: m.createdAt})
		starter = m.ID
	}
	s.inviteToGroup(r, c, u, invitees...)
	out := s.groupOut(c)
	out["template"], out["starter_message_id"] = t.Slug, starter
	writeJSON(w, http.StatusCreated, out)
}

// handleGetGroup answers the live shape: the group, one page of messages
// (offset counts back from the newest; the page is oldest first) and the
// pinned messages.
func (s *Server) handleGetGroup(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	limit, offset, ok := pageParams(w, r, 50, 200)
	if !ok {
		return
	}
	end := max(len(c.msgs)-offset, 0)
	msgs := []any{}
	for _, m := range c.msgs[max(end-limit, 0):end] {
		msgs = append(msgs, s.messageOut(m, u))
	}
	pinned := []any{}
	for _, p := range c.pins {
		out := s.messageOut(p.msg, u)
		out["pinned_at"] = ts(p.at)
		pinned = append(pinned, out)
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": c.ID, "title": c.Title, "description": nilIfEmpty(c.Description),
		"creator_id": c.CreatorID, "member_count": c.memberCount(), "messages": msgs, "pinned": pinned,
		"avatar_url": c.avatarURL()})
}

func (s *Server) handleUpdateGroup(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, true)
	if !ok {
		return
	}
	title, description := queryText(r, "title"), queryText(r, "description")
	if title == nil && description == nil {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Nothing to update: pass title or description")
		return
	}
	if !checkLengths(w, oneTo("query", "title", title, 100), atMost("query", "description", description, 500)) {
		return
	}
	if title != nil {
		c.Title = strings.TrimSpace(*title)
	}
	patch(&c.Description, description)
	writeJSON(w, http.StatusOK, map[string]any{"id": c.ID, "title": c.Title, "description": nilIfEmpty(c.Description)})
}

func (s *Server) handleSendGroupMessage(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	var in sendIn
	if !decodeBody(w, r, &in) {
		return
	}
	reply, atts, ok := s.checkSend(w, c, u, &in)
	if !ok {
		return
	}
	m := s.postMessage(c, u, in.Body, reply, atts)
	var to []string
	for _, id := range c.order {
		if p := c.parts[id]; id != u.ID && !p.pending && !p.isMuted(s.now()) {
			to = append(to, id)
		}
	}
	if len(to) > 0 {
		s.emit(r, Event{Name: "group_message", Recipients: to, Payload: map[string]any{
			"message": s.messageOut(m, u), "conversation_id": c.ID, "title": c.Title, "sender": u.summary()}})
	}
	writeJSON(w, http.StatusCreated, s.messageOut(m, u))
}

func (p *participant) isMuted(now time.Time) bool {
	return p.muted && (p.mutedUntil.IsZero() || now.Before(p.mutedUntil))
}

// ---- members ----

func (s *Server) handleListGroupMembers(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	members := []any{}
	for _, id := range c.order {
		o, p := s.users[id], c.parts[id]
		members = append(members, map[string]any{"id": o.ID, "username": o.Username, "display_name": o.DisplayName,
			"user_type": o.UserType, "presence_status": "offline", "is_admin": p.admin, "invite_status": inviteStatus(p)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"title": c.Title, "description": nilIfEmpty(c.Description),
		"creator_id": c.CreatorID, "members": members})
}

func (s *Server) handleAddGroupMember(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, true)
	if !ok {
		return
	}
	o := s.userByName(w, r.URL.Query().Get("username"))
	if o == nil {
		return
	}
	if p := c.parts[o.ID]; p != nil {
		writeJSON(w, http.StatusOK, map[string]any{"added": false, "already_member": true, "username": o.Username,
			"invite_status": inviteStatus(p)})
		return
	}
	if len(c.parts) >= maxGroupMembers {
		writeError(w, http.StatusBadRequest, "LIMIT_EXCEEDED", fmt.Sprintf("A group has at most %d members", maxGroupMembers))
		return
	}
	if !canMessage(w, u) || !s.notBlocked(w, o, u) {
		return
	}
	c.addParticipant(o.ID, &participant{userID: o.ID, pending: true})
	s.inviteToGroup(r, c, u, o)
	writeJSON(w, http.StatusOK, map[string]any{"added": true, "already_member": false, "username": o.Username, "invite_status": "pending"})
}

// handleRemoveGroupMember removes a member or withdraws an invite (admins),
// or lets a member leave (their own id).
func (s *Server) handleRemoveGroupMember(w http.ResponseWriter, r *http.Request, u *user) {
	c, p, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	target := r.PathValue("user_id")
	switch {
	case target != u.ID && !p.admin:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only group admins can remove members")
	case target == c.CreatorID:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "The creator cannot be removed; transfer the creator role first")
	case c.parts[target] == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Not a member of this group")
	default:
		c.removeParticipant(target)
		writeJSON(w, http.StatusOK, map[string]any{"removed": true, "user_id": target})
	}
}

func (s *Server) handleSetGroupAdmin(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, true)
	if !ok {
		return
	}
	isAdmin, ok := requiredBool(w, r, "is_admin")
	if !ok {
		return
	}
	target := r.PathValue("user_id")
	p := c.parts[target]
	switch {
	case p == nil || p.pending:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Not a member of this group")
	case target == c.CreatorID && !isAdmin:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "The creator is always an admin")
	default:
		p.admin = isAdmin
		writeJSON(w, http.StatusOK, map[string]any{"user_id": target, "is_admin": isAdmin})
	}
}

func (s *Server) handleTransferCreator(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	if c.CreatorID != u.ID {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the creator can transfer the creator role")
		return
	}
	o := s.userByName(w, r.URL.Query().Get("new_creator_username"))
	if o == nil {
		return
	}
	p := c.member(o)
	if p == nil {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "The new creator must be an accepted member")
		return
	}
	p.admin, c.CreatorID = true, o.ID
	writeJSON(w, http.StatusOK, map[string]any{"conversation_id": c.ID, "new_creator_id": o.ID})
}

func (s *Server) handleRespondInvite(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.groupByID(w, r)
	if !ok {
		return
	}
	accept, ok := requiredBool(w, r, "accept")
	if !ok {
		return
	}
	p := c.parts[u.ID]
	switch {
	case p == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "You have no invite to this group")
	case !p.pending:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Invite is not pending")
	case accept:
		p.pending = false
		writeJSON(w, http.StatusOK, map[string]any{"invite_status": "accepted"})
	default:
		c.removeParticipant(u.ID)
		writeJSON(w, http.StatusOK, map[string]any{"invite_status": "declined"})
	}
}
