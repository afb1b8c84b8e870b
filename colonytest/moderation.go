package colonytest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Colony moderation: roles, bans, strikes and the moderation queue. The
// queue is derived from the colony's reports (source open_report, the
// report's id as source_id); acting on an item resolves its report.

// modState is the moderation state of every colony, by colony id. Its
// records have exported fields: persist.go saves it as it is.
type modState struct {
	Colonies map[string]*colonyMod `json:"colonies"`
	// Invites are the moderator invitations (mod_invites.go), oldest first.
	Invites []*modInvite `json:"invites"`
	// Transfers are the ownership transfers (ownership.go), oldest first.
	Transfers []*ownershipTransfer `json:"transfers"`
	// Deletions are the colony deletion requests (colony_deletion.go).
	Deletions []*deletionRec `json:"deletions"`
}

// colonyMod is one colony's moderation state.
type colonyMod struct {
	// Roles maps a user id to "moderator" or "admin"; absent is member.
	Roles map[string]string `json:"roles"`
	// Founder is the colony's creator: protected, an admin.
	Founder string                  `json:"founder"`
	Bans    map[string]*banRec      `json:"bans"`
	Strikes map[string][]*strikeRec `json:"strikes"`
	// Pending are the members waiting for approval.
	Pending map[string]bool `json:"pending"`
	// Rules are the AutoMod rules in evaluation order, Items the queue
	// items they made (automod.go).
	Rules []*autoModRule `json:"rules"`
	Items []*modItem     `json:"items"`
	// Appeals are the ban appeals (ban_appeals.go), oldest first.
	Appeals []*appealRec `json:"appeals"`
	// Reasons are the removal reasons (removal_reasons.go).
	Reasons []*removalReason `json:"removal_reasons"`
	// PostFlairs and UserFlairs are the flair templates, MemberFlairs the
	// user-flair template each member wears (flairs.go).
	PostFlairs   []*flairRec       `json:"post_flairs"`
	UserFlairs   []*flairRec       `json:"user_flairs"`
	MemberFlairs map[string]string `json:"member_flairs"`
	// Notes are the moderators' notes on users (member_notes.go).
	Notes []*memberNote `json:"notes"`
	// Modmail are the colony's modmail threads (modmail.go).
	Modmail []*modmailRec `json:"modmail"`
	// Log is the moderators' queue actions (mod_activity.go).
	Log []*modLogEntry `json:"log"`
	// Settings are the colony's settings (colony_settings.go), nil for
	// the defaults.
	Settings *colonySettings `json:"settings,omitempty"`
}

type banRec struct {
	UserID    string     `json:"user_id"`
	Reason    string     `json:"reason"`
	BannedAt  time.Time  `json:"banned_at"`
	ExpiresAt *time.Time `json:"expires_at"`
}

type strikeRec struct {
	ID        string    `json:"id"`
	Reason    string    `json:"reason"`
	Severity  string    `json:"severity"`
	IssuedBy  string    `json:"issued_by"`
	CreatedAt time.Time `json:"created_at"`
}

// The server's rules.
var (
	queueSources     = []string{"pending_post", "open_report", "automod_removed_post", "automod_removed_comment", "automod_filtered_post", "xss_probe_quarantined", "unmoderated", "edited_post"}
	queueActions     = []string{"approve", "reject", "remove", "dismiss", "restore", "confirm_removal", "lock", "ban_author"}
	banDurations     = []int{1, 7, 30}
	colonyRoles      = []string{"member", "moderator", "admin"}
	strikeSeverities = []string{"minor", "major"}
)

const (
	strikeThreshold = 3
	strikeAction    = "mute_7d"
)

func (s *Server) registerModeration() {
	s.mod = &modState{Colonies: map[string]*colonyMod{}}
	s.route("GET /colonies/{colony_id}/queue", s.modRoute(s.handleGetQueue))
	s.route("POST /colonies/{colony_id}/queue/action", s.modRoute(s.handleQueueAction))
	s.route("POST /colonies/{colony_id}/queue/bulk-action", s.modRoute(s.handleQueueBulk))
	s.route("POST /colonies/{colony_id}/bans/{user_id}", s.modRoute(s.handleBan))
	s.route("DELETE /colonies/{colony_id}/bans/{user_id}", s.modRoute(s.handleUnban))
	s.route("GET /colonies/{colony_id}/bans", s.modRoute(s.handleListBans))
	s.route("GET /colonies/{colony_id}/members", s.colonyRoute(s.handleListMembers))
	s.route("POST /colonies/{colony_id}/members/{user_id}/approve", s.modRoute(s.handleApprove(true)))
	s.route("POST /colonies/{colony_id}/members/{user_id}/revoke-approval", s.modRoute(s.handleApprove(false)))
	s.route("POST /colonies/{colony_id}/members/{user_id}/promote", s.modRoute(s.handleSetRole("moderator")))
	s.route("POST /colonies/{colony_id}/members/{user_id}/demote", s.modRoute(s.handleSetRole("member")))
	s.route("DELETE /colonies/{colony_id}/members/{user_id}", s.modRoute(s.handleRemoveMember))
	s.route("GET /colonies/{colony_id}/members/{user_id}/strikes", s.modRoute(s.handleListStrikes))
	s.route("POST /colonies/{colony_id}/members/{user_id}/strikes", s.modRoute(s.handleIssueStrike))
}

// SetColonyRole makes the agent a member of the colony (a slug or an id)
// with role "member", "moderator", "admin" or "founder" (an admin the
// colony cannot lose). It panics on an unknown colony or role.
func (s *Server) SetColonyRole(colony string, a Agent, role string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.colonyByIDOrName(colony)
	if c == nil || (role != "founder" && !slices.Contains(colonyRoles, role)) {
		panic("colonytest: SetColonyRole: unknown colony " + colony + " or role " + role)
	}
	m := s.modOf(c.ID)
	c.members[a.ID] = true
	delete(m.Pending, a.ID)
	switch role {
	case "member":
		delete(m.Roles, a.ID)
	case "founder":
		m.Founder, m.Roles[a.ID] = a.ID, "admin"
	default:
		m.Roles[a.ID] = role
	}
}

// modOf returns the moderation state of a colony, made on first use.
func (s *Server) modOf(colonyID string) *colonyMod {
	m := s.mod.Colonies[colonyID]
	if m == nil {
		m = &colonyMod{}
		s.mod.Colonies[colonyID] = m
	}
	m.Roles, m.Bans, m.Strikes, m.Pending = orEmpty(m.Roles), orEmpty(m.Bans), orEmpty(m.Strikes), orEmpty(m.Pending)
	m.MemberFlairs = orEmpty(m.MemberFlairs)
	return m
}

func (m *colonyMod) isMod(userID string) bool { return m.Roles[userID] != "" || m.Founder == userID }

// activeBan is the user's ban in the colony, nil when none is in force.
func (s *Server) activeBan(colonyID, userID string) *banRec {
	m := s.mod.Colonies[colonyID]
	if m == nil {
		return nil
	}
	b := m.Bans[userID]
	if b == nil || (b.ExpiresAt != nil && !s.now().Before(*b.ExpiresAt)) {
		return nil
	}
	return b
}

// refuseBanned answers 403 when the user is banned from the colony.
func (s *Server) refuseBanned(w http.ResponseWriter, colonyID, userID string) bool {
	if s.activeBan(colonyID, userID) == nil {
		return false
	}
	writeError(w, http.StatusForbidden, "COLONY_BANNED", "You are banned from this colony")
	return true
}

type colonyHandler func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod)

// colonyRoute resolves {colony_id} for any authenticated caller.
func (s *Server) colonyRoute(h colonyHandler) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		c, ok := s.liveColony(w, r.PathValue("colony_id"))
		if !ok {
			return
		}
		h(w, r, u, c, s.modOf(c.ID))
	}
}

// modRoute is colonyRoute for the colony's moderators only: 403 (not 404)
// for anyone else, as the live API answers.
func (s *Server) modRoute(h colonyHandler) apiHandler {
	return s.colonyRoute(func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		if !m.isMod(u.ID) {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "Moderator permissions required")
			return
		}
		h(w, r, u, c, m)
	})
}

// ---- the queue ----

func (s *Server) queueItemOut(rp *report) map[string]any {
	out := map[string]any{"source": "open_report", "source_kind": "open_report", "source_id": rp.ID,
		"post_id": nilIfEmpty(rp.PostID), "comment_id": nilIfEmpty(rp.CommentID), "reason": rp.Reason,
		"status": rp.Status, "created_at": ts(rp.CreatedAt), "title": nil, "body": nil, "author": nil}
	if a := s.reportedAuthor(rp); a != nil {
		out["author"] = a.summary()
	}
	if p := s.posts[rp.PostID]; p != nil {
		out["title"], out["body"] = p.Title, p.Body
	} else if c := s.comments[rp.CommentID]; c != nil {
		out["body"] = c.Body
	}
	return out
}

func (s *Server) reportedAuthor(rp *report) *user {
	if p := s.posts[rp.PostID]; p != nil {
		return s.users[p.AuthorID]
	}
	if c := s.comments[rp.CommentID]; c != nil {
		return s.users[c.AuthorID]
	}
	return nil
}

// queueEntry is one item of a colony's queue, from a report or AutoMod.
type queueEntry struct {
	source string
	at     time.Time
	out    map[string]any
}

// queueEntries are the colony's open (or resolved) queue items.
func (s *Server) queueEntries(colonyID string, m *colonyMod, open bool) []queueEntry {
	var out []queueEntry
	for _, rp := range s.queueReports(colonyID, open) {
		out = append(out, queueEntry{"open_report", rp.CreatedAt, s.queueItemOut(rp)})
	}
	for _, it := range m.Items {
		if (it.Status == "pending") == open {
			out = append(out, queueEntry{it.Source, it.CreatedAt, s.modItemOut(it)})
		}
	}
	return out
}

func (s *Server) modItemOut(it *modItem) map[string]any {
	out := map[string]any{"source": it.Source, "source_kind": it.Source, "source_id": it.ID, "post_id": it.PostID,
		"comment_id": nil, "reason": "automod", "rule_id": it.RuleID, "status": it.Status, "created_at": ts(it.CreatedAt),
		"title": nil, "body": nil, "author": nil}
	author := ""
	if it.Source == "automod_removed_comment" {
		if cm := s.comments[it.ID]; cm != nil {
			out["comment_id"], out["body"], author = cm.ID, cm.Body, cm.AuthorID
		}
	} else if p := s.posts[it.ID]; p != nil {
		out["title"], out["body"], author = p.Title, p.Body, p.AuthorID
	}
	if a := s.users[author]; a != nil {
		out["author"] = a.summary()
	}
	return out
}

// queueReports are the colony's reports in the queue of the given status.
func (s *Server) queueReports(colonyID string, open bool) []*report {
	var out []*report
	for _, rp := range s.ppl.reports {
		if rp.ColonyID == colonyID && (rp.Status == "pending") == open {
			out = append(out, rp)
		}
	}
	return out
}

func (s *Server) handleGetQueue(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	q := r.URL.Query()
	page, ok := queryInt(w, r, "page", 1, 1, 10000)
	if !ok {
		return
	}
	limitName := "limit"
	if q.Get("limit") == "" && q.Get("page_size") != "" {
		limitName = "page_size" // the deprecated alias
	}
	limit, ok := queryInt(w, r, limitName, 25, 1, 50)
	if !ok {
		return
	}
	status := cmp.Or(q.Get("status"), q.Get("queue_status"), "open")
	sort := cmp.Or(q.Get("sort"), "newest")
	source := q.Get("source")
	switch {
	case !checkLiteral(w, "query", "status", status, "open", "resolved"),
		!checkLiteral(w, "query", "sort", sort, "newest", "oldest"):
		return
	case source != "" && !slices.Contains(queueSources, source):
		validationError(w, []string{"query", "source"}, "unknown queue source "+source)
		return
	}
	open := s.queueEntries(c.ID, m, true)
	entries := open
	if status != "open" {
		entries = s.queueEntries(c.ID, m, false)
	}
	chips := map[string]any{}
	for _, src := range queueSources {
		chips[src] = 0
	}
	for _, e := range open {
		chips[e.source] = chips[e.source].(int) + 1
	}
	if source != "" {
		entries = slices.DeleteFunc(entries, func(e queueEntry) bool { return e.source != source })
	}
	slices.SortStableFunc(entries, func(a, b queueEntry) int {
		if sort == "oldest" {
			return a.at.Compare(b.at)
		}
		return b.at.Compare(a.at)
	})
	items := []any{}
	for i := (page - 1) * limit; i < len(entries) && i < page*limit; i++ {
		items = append(items, entries[i].out)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "chip_counts": chips, "total": len(entries),
		"page": page, "page_size": limit, "pending_appeal_count": m.pendingAppeals()})
}

// queueActionIn is one action, under its current or its deprecated names.
type queueActionIn struct {
	Source          string `json:"source"`
	SourceKind      string `json:"source_kind"`
	SourceID        string `json:"source_id"`
	Action          string `json:"action"`
	ReasonID        string `json:"reason_id"`
	ReasonText      string `json:"reason_text"`
	DurationDays    *int   `json:"duration_days"`
	BanDurationDays *int   `json:"ban_duration_days"`
}

// applyAction validates and applies one queue action, returning the HTTP
// status and message of a refusal (0 when applied).
func (s *Server) applyAction(c *colonyRec, m *colonyMod, in queueActionIn) (int, string) {
	src := cmp.Or(in.Source, in.SourceKind)
	dur := cmp.Or(in.DurationDays, in.BanDurationDays)
	switch {
	case src == "":
		return http.StatusUnprocessableEntity, "source is required"
	case !slices.Contains(queueSources, src):
		return http.StatusUnprocessableEntity, "unknown queue source " + src
	case !slices.Contains(queueActions, in.Action):
		return http.StatusUnprocessableEntity, "unknown action " + in.Action
	case utf8.RuneCountInString(in.ReasonText) > 2000:
		return http.StatusUnprocessableEntity, "reason_text must be at most 2000 characters"
	case in.Action == "ban_author" && (dur == nil || !slices.Contains(banDurations, *dur)):
		return http.StatusUnprocessableEntity, "ban_author needs duration_days of 1, 7 or 30"
	case in.Action != "ban_author" && dur != nil:
		return http.StatusUnprocessableEntity, "duration_days is only for ban_author"
	}
	if strings.HasPrefix(src, "automod_") {
		return s.applyAutoModAction(c, m, src, in.SourceID, in.Action, in.ReasonText, dur)
	}
	if src != "open_report" {
		return http.StatusNotFound, "Queue item not found"
	}
	var rp *report
	for _, x := range s.ppl.reports {
		if x.ID == in.SourceID && x.ColonyID == c.ID {
			rp = x
		}
	}
	switch {
	case rp == nil:
		return http.StatusNotFound, "Queue item not found"
	case rp.Status != "pending":
		return http.StatusConflict, "This item was already resolved"
	}
	switch in.Action {
	case "dismiss":
		rp.Status = "dismissed"
	case "remove":
		s.removeReported(rp)
		rp.Status = "actioned"
	case "lock":
		rp.Status = "actioned"
	case "ban_author":
		if a := s.reportedAuthor(rp); a != nil {
			s.banLocked(c, a.ID, cmp.Or(in.ReasonText, "Banned from the moderation queue"), *dur)
		}
		rp.Status = "actioned"
	default:
		return http.StatusUnprocessableEntity, "action " + in.Action + " does not apply to source open_report"
	}
	return 0, ""
}

// applyAutoModAction acts on a queue item AutoMod made.
func (s *Server) applyAutoModAction(c *colonyRec, m *colonyMod, src, id, action, reason string, dur *int) (int, string) {
	i := slices.IndexFunc(m.Items, func(it *modItem) bool { return it.Source == src && it.ID == id })
	if i < 0 {
		return http.StatusNotFound, "Queue item not found"
	}
	it := m.Items[i]
	if it.Status != "pending" {
		return http.StatusConflict, "This item was already resolved"
	}
	kind := "post"
	if src == "automod_removed_comment" {
		kind = "comment"
	}
	removed := src != "automod_filtered_post"
	switch {
	case removed && action == "restore":
		s.setDeleted(kind, id, false)
	case !removed && action == "remove":
		s.setDeleted(kind, id, true)
	case removed && action == "confirm_removal", !removed && action == "dismiss", action == "lock":
	case action == "ban_author":
		author := ""
		if p := s.posts[id]; kind == "post" && p != nil {
			author = p.AuthorID
		} else if cm := s.comments[id]; cm != nil {
			author = cm.AuthorID
		}
		s.banLocked(c, author, cmp.Or(reason, "Banned from the moderation queue"), *dur)
	default:
		return http.StatusUnprocessableEntity, "action " + action + " does not apply to source " + src
	}
	it.Status = "resolved"
	return 0, ""
}

// removeReported deletes the reported post or comment.
func (s *Server) removeReported(rp *report) {
	if p := s.posts[rp.PostID]; p != nil {
		p.Deleted = true
	} else if cm := s.comments[rp.CommentID]; cm != nil {
		cm.Deleted = true
	}
}

func (s *Server) handleQueueAction(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in queueActionIn
	if !decodeBody(w, r, &in) {
		return
	}
	if status, msg := s.applyAction(c, m, in); status != 0 {
		writeError(w, status, "", msg)
		return
	}
	s.logModAction(u, c, in)
	writeJSON(w, http.StatusOK, map[string]any{"source_kind": cmp.Or(in.Source, in.SourceKind), "source_id": in.SourceID,
		"action": in.Action, "status": "resolved"})
}

func (s *Server) handleQueueBulk(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in struct {
		Items      []queueActionIn `json:"items"`
		ReasonID   string          `json:"reason_id"`
		ReasonText string          `json:"reason_text"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if len(in.Items) < 1 || len(in.Items) > 100 {
		validationError(w, []string{"body", "items"}, "List should have 1 to 100 items")
		return
	}
	succeeded, failed := []any{}, []any{}
	for _, it := range in.Items {
		it.ReasonID, it.ReasonText = in.ReasonID, in.ReasonText // per-item reasons are ignored
		out := map[string]any{"source_kind": cmp.Or(it.Source, it.SourceKind), "source_id": it.SourceID, "action": it.Action}
		if status, msg := s.applyAction(c, m, it); status != 0 {
			out["message"] = msg
			failed = append(failed, out)
			continue
		}
		s.logModAction(u, c, it)
		succeeded = append(succeeded, out)
	}
	writeJSON(w, http.StatusOK, map[string]any{"succeeded": succeeded, "failed": failed})
}

// ---- bans ----

// banLocked bans userID from c for days (0: for good), removing them.
func (s *Server) banLocked(c *colonyRec, userID, reason string, days int) *banRec {
	m := s.modOf(c.ID)
	b := &banRec{UserID: userID, Reason: reason, BannedAt: s.now()}
	if days > 0 {
		t := s.now().Add(time.Duration(days) * 24 * time.Hour)
		b.ExpiresAt = &t
	}
	m.Bans[userID] = b
	delete(c.members, userID)
	delete(m.Roles, userID)
	delete(m.Pending, userID)
	return b
}

func (s *Server) handleBan(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	var in struct {
		DurationDays *int   `json:"duration_days"`
		Reason       string `json:"reason"`
	}
	raw, _ := io.ReadAll(r.Body)
	if len(bytes.TrimSpace(raw)) > 0 {
		if err := json.Unmarshal(raw, &in); err != nil {
			validationError(w, []string{"body"}, "invalid JSON: "+err.Error())
			return
		}
	}
	switch {
	case in.DurationDays != nil && !slices.Contains(banDurations, *in.DurationDays):
		validationError(w, []string{"body", "duration_days"}, "duration_days must be 1, 7 or 30")
		return
	case utf8.RuneCountInString(in.Reason) > 2000:
		validationError(w, []string{"body", "reason"}, "String should have at most 2000 characters")
		return
	case t.ID == m.Founder:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "The colony's founder cannot be banned")
		return
	case t.ID == u.ID:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "You cannot ban yourself")
		return
	}
	days := 0
	patch(&days, in.DurationDays)
	b := s.banLocked(c, t.ID, in.Reason, days)
	writeJSON(w, http.StatusOK, map[string]any{"status": "banned", "expires_at": tsPtr(b.ExpiresAt)})
}

func tsPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return ts(*t)
}

func (s *Server) handleUnban(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	id := r.PathValue("user_id")
	if m.Bans[id] == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "This user is not banned here")
		return
	}
	delete(m.Bans, id)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleListBans(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	limit, ok := queryInt(w, r, "limit", 100, 1, 500)
	if !ok {
		return
	}
	bans := slices.SortedFunc(maps.Values(m.Bans), func(a, b *banRec) int {
		return cmp.Or(b.BannedAt.Compare(a.BannedAt), strings.Compare(a.UserID, b.UserID))
	})
	out := []any{}
	for _, b := range bans[:min(limit, len(bans))] {
		bu := s.users[b.UserID]
		out = append(out, map[string]any{"user_id": b.UserID, "username": bu.Username, "display_name": bu.DisplayName,
			"reason": nilIfEmpty(b.Reason), "banned_at": ts(b.BannedAt), "expires_at": tsPtr(b.ExpiresAt),
			"is_active": s.activeBan(c.ID, b.UserID) != nil})
	}
	writeJSON(w, http.StatusOK, out)
}

// ---- members and roles ----

func (m *colonyMod) roleOf(userID string) string { return cmp.Or(m.Roles[userID], "member") }

func (s *Server) handleListMembers(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	limit, ok := queryInt(w, r, "limit", 100, 1, 500)
	if !ok {
		return
	}
	role := r.URL.Query().Get("role")
	if role != "" && !checkLiteral(w, "query", "role", role, colonyRoles...) {
		return
	}
	pending, hasPending, ok := queryBool(w, r, "pending")
	if !ok {
		return
	}
	var ids []string
	for id := range c.members {
		ids = append(ids, id)
	}
	for id := range m.Pending {
		if !c.members[id] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	out := []any{}
	for _, id := range ids {
		mu := s.users[id]
		if mu == nil || (role != "" && m.roleOf(id) != role) || (hasPending && m.Pending[id] != pending) {
			continue
		}
		if len(out) == limit {
			break
		}
		out = append(out, map[string]any{"user_id": id, "username": mu.Username, "display_name": mu.DisplayName,
			"user_type": mu.UserType, "role": m.roleOf(id), "joined_at": nil, "is_creator": id == m.Founder,
			"approved": !m.Pending[id], "flair": m.memberFlairOut(id)})
	}
	writeJSON(w, http.StatusOK, out)
}

// member resolves {user_id} to a member (or a pending one) of c.
func (s *Server) member(w http.ResponseWriter, r *http.Request, c *colonyRec, m *colonyMod) (*user, bool) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return nil, false
	}
	if !c.members[t.ID] && !m.Pending[t.ID] {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "This user is not a member of this colony")
		return nil, false
	}
	return t, true
}

func (s *Server) handleApprove(approved bool) colonyHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		t, ok := s.member(w, r, c, m)
		if !ok {
			return
		}
		if approved {
			delete(m.Pending, t.ID)
			c.members[t.ID] = true
		} else {
			m.Pending[t.ID] = true
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

func (s *Server) handleSetRole(role string) colonyHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
		t, ok := s.member(w, r, c, m)
		if !ok {
			return
		}
		mods := 0
		for id := range m.Roles {
			if c.members[id] {
				mods++
			}
		}
		switch {
		case m.Roles[t.ID] == "admin" || t.ID == m.Founder:
			writeError(w, http.StatusForbidden, "FORBIDDEN", "Admins cannot be promoted or demoted here")
			return
		case m.Pending[t.ID]:
			writeError(w, http.StatusConflict, "CONFLICT", "This member is waiting for approval")
			return
		case role == "member" && m.Roles[t.ID] == "":
			writeError(w, http.StatusConflict, "CONFLICT", "This member is not a moderator")
			return
		case role == "member" && mods <= 1:
			writeError(w, http.StatusConflict, "CONFLICT", "A colony must keep at least one moderator")
			return
		}
		if role == "member" {
			delete(m.Roles, t.ID)
		} else {
			m.Roles[t.ID] = role
		}
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "user_id": t.ID, "role": role})
	}
}

func (s *Server) handleRemoveMember(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.member(w, r, c, m)
	if !ok {
		return
	}
	if t.ID == m.Founder {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "The colony's founder cannot be removed")
		return
	}
	delete(c.members, t.ID)
	delete(m.Roles, t.ID)
	delete(m.Pending, t.ID)
	w.WriteHeader(http.StatusNoContent)
}

// ---- strikes ----

func (s *Server) strikeOut(st *strikeRec) map[string]any {
	return map[string]any{"strike_id": st.ID, "reason": st.Reason, "severity": st.Severity, "issued_by": st.IssuedBy,
		"created_at": ts(st.CreatedAt), "expires_at": nil}
}

func (s *Server) handleListStrikes(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	out := []any{}
	for _, st := range m.Strikes[t.ID] {
		out = append(out, s.strikeOut(st))
	}
	st := m.settings()
	writeJSON(w, http.StatusOK, map[string]any{"strikes": out, "active_count": len(out), "threshold": st.StrikeThreshold,
		"strike_action": st.StrikeAction})
}

func (s *Server) handleIssueStrike(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	var in struct {
		Reason   string `json:"reason"`
		Severity string `json:"severity"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	in.Severity = cmp.Or(in.Severity, "minor")
	switch n := utf8.RuneCountInString(strings.TrimSpace(in.Reason)); {
	case n < 1 || utf8.RuneCountInString(in.Reason) > 1000:
		validationError(w, []string{"body", "reason"}, "reason must be 1 to 1000 characters")
		return
	case !checkLiteral(w, "body", "severity", in.Severity, strikeSeverities...):
		return
	}
	st := &strikeRec{ID: newID(), Reason: in.Reason, Severity: in.Severity, IssuedBy: u.ID, CreatedAt: s.now()}
	m.Strikes[t.ID] = append(m.Strikes[t.ID], st)
	active, set := len(m.Strikes[t.ID]), m.settings()
	var fired any
	if active == set.StrikeThreshold {
		fired = set.StrikeAction
	}
	writeJSON(w, http.StatusOK, map[string]any{"strike": s.strikeOut(st), "active_count": active,
		"threshold": set.StrikeThreshold, "fired_action": fired})
}
