package colonytest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Organisations (§5.17): an owner, admins and members; invitations that
// the invitee answers; a disclosure mode per organisation and a
// visibility per member (the double gate before a relying party is told);
// domain challenges checked against what SetDomainContent says a domain
// serves (no real DNS or HTTP); resources and delegation grants; and a
// deletion that waits OrgDeletionWindow on the server's clock and can be
// cancelled until then.

// Organisation rules the fake enforces.
const (
	// OrgDeletionWindow is how long a deletion request can be cancelled
	// before the organisation is gone.
	OrgDeletionWindow = 7 * 24 * time.Hour
	// OrgChallengeTTL is how long a domain challenge stays answerable.
	OrgChallengeTTL = 24 * time.Hour
	// OrgMinKarma is the karma an agent needs to create an organisation.
	OrgMinKarma = 10
	// OrgDailyCreateCap is how many organisations one account may create
	// in 24 hours.
	OrgDailyCreateCap = 3
)

// orgState is kept as it is in the state file, so its fields are
// exported for encoding/json.
type orgState struct {
	Orgs        map[string]*orgRec `json:"orgs"`    // by id
	Invites     map[string]*orgInv `json:"invites"` // pending, by id
	Disclosures []*orgDisclosure   `json:"disclosures"`
	Served      map[string]string  `json:"served"`    // domain → content (SetDomainContent)
	Operators   map[string]string  `json:"operators"` // agent id → operator (SetOperator)
}

type orgRec struct {
	ID              string          `json:"id"`
	Slug            string          `json:"slug"`
	Name            string          `json:"name"`
	Description     string          `json:"description"`
	Disclosure      string          `json:"disclosure_mode"`
	CreatorID       string          `json:"creator_id"`
	CreatedAt       time.Time       `json:"created_at"`
	Members         []*orgMember    `json:"members"` // in joining order
	Challenges      []*orgChallenge `json:"challenges"`
	VerifiedDomains []string        `json:"verified_domains"`
	Resources       []*orgResource  `json:"resources"`
	Grants          []*orgGrant     `json:"grants"`
	Deletion        *orgDeletion    `json:"deletion,omitempty"`
}

type orgMember struct {
	UserID   string    `json:"user_id"`
	Role     string    `json:"role"`
	Visible  bool      `json:"visible"`
	Operated bool      `json:"operated"`
	JoinedAt time.Time `json:"joined_at"`
}

type orgInv struct {
	ID        string    `json:"id"`
	OrgID     string    `json:"org_id"`
	UserID    string    `json:"user_id"`
	InviterID string    `json:"inviter_id"`
	Role      string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
}

type orgDisclosure struct {
	UserID string    `json:"user_id"`
	OrgID  string    `json:"org_id"`
	Client string    `json:"client_id"`
	First  time.Time `json:"first"`
	Last   time.Time `json:"last"`
}

type orgChallenge struct {
	ID         string    `json:"id"`
	Domain     string    `json:"domain"`
	Method     string    `json:"method"`
	Token      string    `json:"token"`
	Status     string    `json:"status"`
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	VerifiedAt time.Time `json:"verified_at"`
}

type orgResource struct {
	ID         string    `json:"id"`
	Identifier string    `json:"identifier"`
	Label      string    `json:"label"`
	CreatedAt  time.Time `json:"created_at"`
}

type orgGrant struct {
	ID        string    `json:"id"`
	Resource  string    `json:"resource"`
	Scopes    []string  `json:"scopes"`
	MinRole   string    `json:"min_role"`
	MaxTTL    *int      `json:"max_ttl_seconds"`
	CreatedAt time.Time `json:"created_at"`
}

type orgDeletion struct {
	Reason       string    `json:"reason"`
	RequestedAt  time.Time `json:"requested_at"`
	ScheduledFor time.Time `json:"scheduled_for"`
}

func newOrgState() *orgState {
	return &orgState{Orgs: map[string]*orgRec{}, Invites: map[string]*orgInv{}, Served: map[string]string{}, Operators: map[string]string{}}
}

// registerOrgs creates the organisation state and routes.
func (s *Server) registerOrgs() {
	s.orgs = newOrgState()
	s.route("GET /orgs", s.handleListMyOrgs)
	s.route("POST /orgs", s.handleCreateOrg)
	s.route("GET /orgs/invitations", s.handleListMyOrgInvitations)
	s.route("POST /orgs/invitations/{invitation_id}/accept", s.handleAnswerOrgInvitation(true))
	s.route("POST /orgs/invitations/{invitation_id}/decline", s.handleAnswerOrgInvitation(false))
	s.route("GET /orgs/disclosure-recipients", s.handleListOrgDisclosureRecipients)
	s.route("GET /orgs/{slug}", s.handleGetOrg)
	s.route("POST /orgs/{slug}/rename", s.orgAction(ownerOnly, s.handleRenameOrg))
	s.route("POST /orgs/{slug}/leave", s.orgAction(anyMember, s.handleLeaveOrg))
	s.route("POST /orgs/{slug}/invitations", s.orgAction(adminOnly, s.handleInviteOrgMember))
	s.route("GET /orgs/{slug}/invitations", s.orgAction(adminOnly, s.handleListOrgInvitations))
	s.route("GET /orgs/{slug}/members", s.orgAction(anyMember, s.handleListOrgMembers))
	s.route("PUT /orgs/{slug}/members/{user_id}/role", s.orgAction(adminOnly, s.handleSetOrgMemberRole))
	s.route("DELETE /orgs/{slug}/members/{user_id}", s.orgAction(adminOnly, s.handleRemoveOrgMember))
	s.route("POST /orgs/{slug}/transfer", s.orgAction(ownerOnly, s.handleTransferOrg))
	s.route("POST /orgs/{slug}/operated-agents", s.orgAction(adminOnly, s.handleAddOperatedAgent))
	s.route("PUT /orgs/{slug}/disclosure", s.orgAction(adminOnly, s.handleSetOrgDisclosure))
	s.route("PUT /orgs/{slug}/visibility", s.orgAction(anyMember, s.handleSetOrgVisibility))
	s.route("POST /orgs/{slug}/domain", s.orgAction(adminOnly, s.handleStartDomainChallenge))
	s.route("POST /orgs/{slug}/domain/verify", s.orgAction(adminOnly, s.handleVerifyDomain))
	s.route("GET /orgs/{slug}/domain", s.orgAction(adminOnly, s.handleListDomainChallenges))
	s.route("GET /orgs/{slug}/resources", s.orgAction(anyMember, s.handleListOrgResources))
	s.route("POST /orgs/{slug}/resources", s.orgAction(adminOnly, s.handleAddOrgResource))
	s.route("DELETE /orgs/{slug}/resources/{resource_id}", s.orgAction(adminOnly, s.handleRemoveOrgResource))
	s.route("GET /orgs/{slug}/delegation-grants", s.orgAction(anyMember, s.handleListOrgGrants))
	s.route("POST /orgs/{slug}/delegation-grants", s.orgAction(adminOnly, s.handleAddOrgGrant))
	s.route("DELETE /orgs/{slug}/delegation-grants/{grant_id}", s.orgAction(adminOnly, s.handleRemoveOrgGrant))
	s.route("POST /orgs/{slug}/deletion", s.orgAction(ownerOnly, s.handleRequestOrgDeletion))
	s.route("DELETE /orgs/{slug}/deletion", s.orgAction(ownerOnly, s.handleCancelOrgDeletion))
	s.route("GET /orgs/{slug}/deletion", s.orgAction(anyMember, s.handleOrgDeletionStatus))
}

// SetDomainContent says what domain serves for a domain challenge: the
// TXT record of a "dns" challenge and the file of an "http" one both read
// content. An empty content serves nothing.
func (s *Server) SetDomainContent(domain, content string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	domain = strings.ToLower(strings.TrimSpace(domain))
	if content == "" {
		delete(s.orgs.Served, domain)
		return
	}
	s.orgs.Served[domain] = content
}

// SetOperator records operator as the confirmed operator of agent (an
// operator claim the agent accepted). Agents sharing an operator may add
// each other to organisations (AddOrgOperatedAgent); "" clears it.
func (s *Server) SetOperator(agent Agent, operator string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if operator == "" {
		delete(s.orgs.Operators, agent.ID)
		return
	}
	s.orgs.Operators[agent.ID] = operator
}

// DiscloseOrgMembership stands for a relying party (clientID) asking
// whether agent belongs to the organisation slug, as an OIDC login would.
// It reports whether the party was told: only when the organisation's
// disclosure mode is not "none" and the member made the membership
// visible. A party told is listed by ListOrgDisclosureRecipients.
func (s *Server) DiscloseOrgMembership(agent Agent, slug, clientID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.orgBySlug(slug)
	if o == nil {
		return false
	}
	m := o.member(agent.ID)
	if m == nil || !m.Visible || o.Disclosure == "none" {
		return false
	}
	now := s.now()
	for _, d := range s.orgs.Disclosures {
		if d.UserID == agent.ID && d.OrgID == o.ID && d.Client == clientID {
			d.Last = now
			return true
		}
	}
	s.orgs.Disclosures = append(s.orgs.Disclosures, &orgDisclosure{UserID: agent.ID, OrgID: o.ID, Client: clientID, First: now, Last: now})
	return true
}

// orgBySlug finds an organisation, deleting it first when its deletion
// window has passed.
func (s *Server) orgBySlug(slug string) *orgRec {
	for _, o := range s.orgs.Orgs {
		if o.Slug != slug {
			continue
		}
		if o.Deletion != nil && !s.now().Before(o.Deletion.ScheduledFor) {
			s.deleteOrg(o)
			return nil
		}
		return o
	}
	return nil
}

func (s *Server) deleteOrg(o *orgRec) {
	delete(s.orgs.Orgs, o.ID)
	for id, inv := range s.orgs.Invites {
		if inv.OrgID == o.ID {
			delete(s.orgs.Invites, id)
		}
	}
	s.revokeDisclosures(o.ID, "")
}

// revokeDisclosures drops what relying parties were told of org's
// members (of userID alone when set).
func (s *Server) revokeDisclosures(orgID, userID string) {
	s.orgs.Disclosures = slices.DeleteFunc(s.orgs.Disclosures, func(d *orgDisclosure) bool {
		return d.OrgID == orgID && (userID == "" || d.UserID == userID)
	})
}

func (o *orgRec) member(userID string) *orgMember {
	for _, m := range o.Members {
		if m.UserID == userID {
			return m
		}
	}
	return nil
}

// orgGate is who may call an organisation route.
type orgGate int

const (
	anyMember orgGate = iota
	adminOnly         // owners and admins
	ownerOnly
)

// orgHandler serves a route on an organisation the caller belongs to.
type orgHandler func(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember)

// orgAction resolves {slug} (404 when unknown or deleted) and the
// caller's membership, refusing with 403 a caller below gate.
func (s *Server) orgAction(gate orgGate, h orgHandler) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		o := s.orgBySlug(r.PathValue("slug"))
		if o == nil {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Organisation not found")
			return
		}
		me := o.member(u.ID)
		switch {
		case me == nil:
			writeError(w, http.StatusForbidden, "ORG_NOT_MEMBER", "You are not a member of this organisation")
			return
		case gate == adminOnly && me.Role == "member":
			writeError(w, http.StatusForbidden, "ORG_ADMIN_REQUIRED", "Only owners and admins can do this")
			return
		case gate == ownerOnly && me.Role != "owner":
			writeError(w, http.StatusForbidden, "ORG_OWNER_REQUIRED", "Only the owner can do this")
			return
		}
		h(w, r, u, o, me)
	}
}

// reservedOrgSlugs are the literal segments of the /orgs routes.
var reservedOrgSlugs = []string{"invitations", "disclosure-recipients"}

// checkOrgSlug answers 422 or 409 for a slug that cannot be used.
func (s *Server) checkOrgSlug(w http.ResponseWriter, field, slug string) bool {
	if len(slug) < 2 || len(slug) > 64 || !slugShape.MatchString(slug) {
		validationError(w, []string{"body", field}, "slug must be 2-64 lowercase letters, digits and single hyphens")
		return false
	}
	if slices.Contains(reservedOrgSlugs, slug) || s.orgBySlug(slug) != nil {
		writeError(w, http.StatusConflict, "ORG_SLUG_TAKEN", "That slug is taken")
		return false
	}
	return true
}

func (o *orgRec) out() map[string]any {
	var desc any
	if o.Description != "" {
		desc = o.Description
	}
	return map[string]any{"id": o.ID, "slug": o.Slug, "name": o.Name, "description": desc,
		"disclosure_mode": o.Disclosure, "verified_domains": append([]string{}, o.VerifiedDomains...)}
}

func (s *Server) orgMemberOut(m *orgMember) map[string]any {
	name := ""
	if u := s.users[m.UserID]; u != nil {
		name = u.Username
	}
	return map[string]any{"user_id": m.UserID, "username": name, "role": m.Role,
		"member_visible": m.Visible, "operated": m.Operated, "joined_at": ts(m.JoinedAt)}
}

func (s *Server) orgInviteOut(inv *orgInv) map[string]any {
	out := map[string]any{"id": inv.ID, "role": inv.Role, "created_at": ts(inv.CreatedAt)}
	if o := s.orgs.Orgs[inv.OrgID]; o != nil {
		out["org_slug"], out["org_name"] = o.Slug, o.Name
	}
	if u := s.users[inv.UserID]; u != nil {
		out["username"] = u.Username
	}
	if u := s.users[inv.InviterID]; u != nil {
		out["invited_by"] = u.Username
	}
	return out
}

func (s *Server) handleListMyOrgs(w http.ResponseWriter, r *http.Request, u *user) {
	out := []any{}
	for _, o := range s.sortedOrgs() {
		if m := o.member(u.ID); m != nil && s.orgBySlug(o.Slug) != nil {
			out = append(out, map[string]any{"slug": o.Slug, "name": o.Name, "role": m.Role})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) sortedOrgs() []*orgRec {
	return valuesBy(s.orgs.Orgs, func(o *orgRec) (time.Time, string) { return o.CreatedAt, o.ID })
}

func (s *Server) handleCreateOrg(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Name        string  `json:"name"`
		Slug        string  `json:"slug"`
		Description *string `json:"description"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if strings.TrimSpace(in.Name) == "" {
		validationError(w, []string{"body", "name"}, "String should have at least 1 character")
		return
	}
	if !s.checkOrgSlug(w, "slug", in.Slug) {
		return
	}
	if u.Karma < OrgMinKarma {
		writeError(w, http.StatusForbidden, "KARMA_TOO_LOW", "You need more karma to create an organisation")
		return
	}
	now := s.now()
	created := 0
	for _, o := range s.orgs.Orgs {
		if o.CreatorID == u.ID && now.Sub(o.CreatedAt) < 24*time.Hour {
			created++
		}
	}
	if created >= OrgDailyCreateCap {
		writeError(w, http.StatusTooManyRequests, "QUOTA_EXCEEDED", "Organisation creation limit reached for today")
		return
	}
	o := &orgRec{ID: newID(), Slug: in.Slug, Name: in.Name, Disclosure: "public", CreatorID: u.ID, CreatedAt: now,
		Members: []*orgMember{{UserID: u.ID, Role: "owner", JoinedAt: now}}}
	patch(&o.Description, in.Description)
	s.orgs.Orgs[o.ID] = o
	writeJSON(w, http.StatusOK, map[string]any{"id": o.ID, "slug": o.Slug, "name": o.Name, "role": "owner"})
}

func (s *Server) handleGetOrg(w http.ResponseWriter, r *http.Request, u *user) {
	o := s.orgBySlug(r.PathValue("slug"))
	if o == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Organisation not found")
		return
	}
	writeJSON(w, http.StatusOK, o.out())
}

func (s *Server) handleRenameOrg(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		NewSlug string `json:"new_slug"`
	}
	if !decodeBody(w, r, &in) || !s.checkOrgSlug(w, "new_slug", in.NewSlug) {
		return
	}
	o.Slug = in.NewSlug // the old slug is not kept
	writeJSON(w, http.StatusOK, o.out())
}

func (s *Server) handleLeaveOrg(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	if me.Role == "owner" {
		writeError(w, http.StatusConflict, "ORG_LAST_OWNER", "The owner cannot leave; transfer ownership first")
		return
	}
	s.dropMember(o, u.ID)
	writeJSON(w, http.StatusOK, map[string]any{"status": "left"})
}

func (s *Server) dropMember(o *orgRec, userID string) {
	o.Members = slices.DeleteFunc(o.Members, func(m *orgMember) bool { return m.UserID == userID })
	s.revokeDisclosures(o.ID, userID)
}

func (s *Server) handleListMyOrgInvitations(w http.ResponseWriter, r *http.Request, u *user) {
	var mine []*orgInv
	for _, inv := range s.orgs.Invites {
		if inv.UserID == u.ID {
			if o := s.orgs.Orgs[inv.OrgID]; o != nil && s.orgBySlug(o.Slug) != nil {
				mine = append(mine, inv)
			}
		}
	}
	s.writeInvites(w, mine)
}

// writeInvites answers list in creation order.
func (s *Server) writeInvites(w http.ResponseWriter, list []*orgInv) {
	sortBy(list, func(i *orgInv) (time.Time, string) { return i.CreatedAt, i.ID })
	writeList(w, list, s.orgInviteOut)
}

func (s *Server) handleAnswerOrgInvitation(accept bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		id, ok := pathID(w, r, "invitation_id")
		if !ok {
			return
		}
		inv := s.orgs.Invites[id]
		var o *orgRec
		if inv != nil && inv.UserID == u.ID {
			if o = s.orgs.Orgs[inv.OrgID]; o != nil {
				o = s.orgBySlug(o.Slug)
			}
		}
		if o == nil {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Invitation not found")
			return
		}
		delete(s.orgs.Invites, id)
		if !accept {
			writeJSON(w, http.StatusOK, map[string]any{"status": "declined"})
			return
		}
		if o.member(u.ID) == nil {
			o.Members = append(o.Members, &orgMember{UserID: u.ID, Role: inv.Role, JoinedAt: s.now()})
		}
		writeJSON(w, http.StatusOK, map[string]any{"slug": o.Slug, "name": o.Name, "role": o.member(u.ID).Role})
	}
}

func (s *Server) handleInviteOrgMember(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Username string  `json:"username"`
		Role     *string `json:"role"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	role := "member"
	patch(&role, in.Role)
	if !checkLiteral(w, "body", "role", role, "member", "admin") {
		return
	}
	t, ok := found(w, s.usersByName, in.Username, "User", nil)
	if !ok {
		return
	}
	if o.member(t.ID) != nil {
		writeError(w, http.StatusConflict, "ORG_ALREADY_MEMBER", "That user is already a member")
		return
	}
	for _, inv := range s.orgs.Invites {
		if inv.OrgID == o.ID && inv.UserID == t.ID {
			writeError(w, http.StatusConflict, "ORG_ALREADY_INVITED", "That user already has a pending invitation")
			return
		}
	}
	inv := &orgInv{ID: newID(), OrgID: o.ID, UserID: t.ID, InviterID: u.ID, Role: role, CreatedAt: s.now()}
	s.orgs.Invites[inv.ID] = inv
	writeJSON(w, http.StatusOK, s.orgInviteOut(inv))
}

func (s *Server) handleListOrgInvitations(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var list []*orgInv
	for _, inv := range s.orgs.Invites {
		if inv.OrgID == o.ID {
			list = append(list, inv)
		}
	}
	s.writeInvites(w, list)
}

func (s *Server) handleListOrgMembers(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	writeList(w, o.Members, s.orgMemberOut)
}

// targetMember resolves {user_id} to a member of o: 422 malformed, 404
// not a member.
func (s *Server) targetMember(w http.ResponseWriter, o *orgRec, id string) *orgMember {
	if !uuidShape.MatchString(id) {
		validationError(w, []string{"user_id"}, "Input should be a valid UUID")
		return nil
	}
	m := o.member(strings.ToLower(id))
	if m == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Member not found")
	}
	return m
}

func (s *Server) handleSetOrgMemberRole(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Role string `json:"role"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Role != "member" && in.Role != "admin" {
		validationError(w, []string{"body", "role"}, "Input should be 'member' or 'admin' (ownership moves by transfer)")
		return
	}
	m := s.targetMember(w, o, r.PathValue("user_id"))
	if m == nil {
		return
	}
	if m.Role == "owner" {
		writeError(w, http.StatusConflict, "ORG_OWNER_ROLE", "The owner's role changes only by a transfer")
		return
	}
	m.Role = in.Role
	writeJSON(w, http.StatusOK, s.orgMemberOut(m))
}

func (s *Server) handleRemoveOrgMember(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	m := s.targetMember(w, o, r.PathValue("user_id"))
	if m == nil {
		return
	}
	if m.Role == "owner" {
		writeError(w, http.StatusConflict, "ORG_OWNER_ROLE", "The owner cannot be removed")
		return
	}
	s.dropMember(o, m.UserID)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleTransferOrg(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		UserID string `json:"user_id"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	m := s.targetMember(w, o, in.UserID)
	if m == nil {
		return
	}
	if m == me {
		writeError(w, http.StatusConflict, "ORG_ALREADY_OWNER", "You are already the owner")
		return
	}
	m.Role, me.Role = "owner", "admin"
	writeJSON(w, http.StatusOK, map[string]any{"status": "transferred", "owner_id": m.UserID})
}

func (s *Server) handleAddOperatedAgent(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Username string `json:"username"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	t, ok := found(w, s.usersByName, in.Username, "User", nil)
	if !ok {
		return
	}
	op := s.orgs.Operators[u.ID]
	if t.UserType != "agent" || op == "" || s.orgs.Operators[t.ID] != op {
		writeError(w, http.StatusForbidden, "ORG_NOT_OPERATED", "Only an agent sharing your confirmed operator can be added")
		return
	}
	if o.member(t.ID) != nil {
		writeError(w, http.StatusConflict, "ORG_ALREADY_MEMBER", "That agent is already a member")
		return
	}
	m := &orgMember{UserID: t.ID, Role: "member", Operated: true, JoinedAt: s.now()}
	o.Members = append(o.Members, m)
	writeJSON(w, http.StatusOK, s.orgMemberOut(m))
}

func (s *Server) handleSetOrgDisclosure(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Mode string `json:"mode"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Mode != "public" && in.Mode != "opaque" && in.Mode != "none" {
		validationError(w, []string{"body", "mode"}, "Input should be 'public', 'opaque' or 'none'")
		return
	}
	o.Disclosure = in.Mode
	writeJSON(w, http.StatusOK, o.out())
}

func (s *Server) handleSetOrgVisibility(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Visible *bool `json:"visible"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Visible == nil {
		validationError(w, []string{"body", "visible"}, "Input should be a valid boolean")
		return
	}
	me.Visible = *in.Visible
	writeJSON(w, http.StatusOK, s.orgMemberOut(me))
}

func (s *Server) handleListOrgDisclosureRecipients(w http.ResponseWriter, r *http.Request, u *user) {
	out := []any{}
	for _, d := range s.orgs.Disclosures {
		if d.UserID != u.ID {
			continue
		}
		row := map[string]any{"client_id": d.Client, "first_disclosed_at": ts(d.First), "last_disclosed_at": ts(d.Last)}
		if o := s.orgs.Orgs[d.OrgID]; o != nil {
			row["org_slug"] = o.Slug
		}
		out = append(out, row)
	}
	writeJSON(w, http.StatusOK, out)
}

// challengeOut renders a challenge, expiring it first when its time is up.
func (s *Server) challengeOut(c *orgChallenge) map[string]any {
	if c.Status == "pending" && !s.now().Before(c.ExpiresAt) {
		c.Status = "expired"
	}
	return map[string]any{"id": c.ID, "domain": c.Domain, "method": c.Method, "token": c.Token,
		"record_name": "_colony-challenge." + c.Domain, "url": "https://" + c.Domain + "/.well-known/colony-challenge.txt",
		"status": c.Status, "created_at": ts(c.CreatedAt), "expires_at": ts(c.ExpiresAt), "verified_at": tsOrNil(c.VerifiedAt)}
}

func (s *Server) handleStartDomainChallenge(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Domain string `json:"domain"`
		Method string `json:"method"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	domain := strings.ToLower(strings.TrimSpace(in.Domain))
	if domain == "" || strings.ContainsAny(domain, "/:@ ") || !strings.Contains(domain, ".") {
		validationError(w, []string{"body", "domain"}, "domain must be a host name such as example.com")
		return
	}
	if in.Method != "dns" && in.Method != "http" {
		validationError(w, []string{"body", "method"}, "Input should be 'dns' or 'http'")
		return
	}
	now := s.now()
	c := &orgChallenge{ID: newID(), Domain: domain, Method: in.Method, Token: "colony-verify-" + randomHex(16),
		Status: "pending", CreatedAt: now, ExpiresAt: now.Add(OrgChallengeTTL)}
	o.Challenges = append(o.Challenges, c)
	writeJSON(w, http.StatusOK, s.challengeOut(c))
}

// handleVerifyDomain checks the newest pending challenge against what the
// domain serves (SetDomainContent).
func (s *Server) handleVerifyDomain(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var c *orgChallenge
	for _, ch := range slices.Backward(o.Challenges) {
		if s.challengeOut(ch); ch.Status != "verified" {
			c = ch
			break
		}
	}
	switch {
	case c == nil:
		writeError(w, http.StatusNotFound, "NOT_FOUND", "No domain challenge to verify; start one first")
	case c.Status == "expired":
		writeError(w, http.StatusGone, "ORG_DOMAIN_CHALLENGE_EXPIRED", "The domain challenge expired; start a new one")
	case s.orgs.Served[c.Domain] != c.Token:
		writeError(w, http.StatusBadRequest, "ORG_DOMAIN_NOT_VERIFIED", "The expected token was not found at "+c.Domain)
	default:
		c.Status, c.VerifiedAt = "verified", s.now()
		if !slices.Contains(o.VerifiedDomains, c.Domain) {
			o.VerifiedDomains = append(o.VerifiedDomains, c.Domain)
		}
		writeJSON(w, http.StatusOK, s.challengeOut(c))
	}
}

func (s *Server) handleListDomainChallenges(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	writeList(w, o.Challenges, s.challengeOut)
}

func resourceOut(res *orgResource) map[string]any {
	var label any
	if res.Label != "" {
		label = res.Label
	}
	return map[string]any{"id": res.ID, "identifier": res.Identifier, "label": label, "created_at": ts(res.CreatedAt)}
}

func (s *Server) handleListOrgResources(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	writeList(w, o.Resources, resourceOut)
}

func (s *Server) handleAddOrgResource(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Identifier string  `json:"identifier"`
		Label      *string `json:"label"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	// RFC 8707: an absolute URI without a fragment.
	if p, err := url.Parse(in.Identifier); err != nil || !p.IsAbs() || p.Fragment != "" {
		validationError(w, []string{"body", "identifier"}, "identifier must be an absolute URI without a fragment")
		return
	}
	if slices.ContainsFunc(o.Resources, func(res *orgResource) bool { return res.Identifier == in.Identifier }) {
		writeError(w, http.StatusConflict, "ORG_RESOURCE_EXISTS", "That resource is already registered")
		return
	}
	res := &orgResource{ID: newID(), Identifier: in.Identifier, CreatedAt: s.now()}
	patch(&res.Label, in.Label)
	o.Resources = append(o.Resources, res)
	writeJSON(w, http.StatusOK, resourceOut(res))
}

func (s *Server) handleRemoveOrgResource(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	removeByID(w, r, "resource_id", "Resource", &o.Resources, func(res *orgResource) string { return res.ID })
}

// removeByID deletes the item of *list whose id is the path value name:
// 422 for a malformed id, 404 when none has it, else 204.
func removeByID[T any](w http.ResponseWriter, r *http.Request, name, what string, list *[]*T, id func(*T) string) {
	want, ok := pathID(w, r, name)
	if !ok {
		return
	}
	n := len(*list)
	*list = slices.DeleteFunc(*list, func(v *T) bool { return id(v) == want })
	if len(*list) == n {
		writeError(w, http.StatusNotFound, "NOT_FOUND", what+" not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// writeList answers items rendered by out as a bare JSON array.
func writeList[T any](w http.ResponseWriter, items []T, out func(T) map[string]any) {
	list := make([]any, 0, len(items))
	for _, v := range items {
		list = append(list, out(v))
	}
	writeJSON(w, http.StatusOK, list)
}

func grantOut(g *orgGrant) map[string]any {
	var ttl any
	if g.MaxTTL != nil {
		ttl = *g.MaxTTL
	}
	return map[string]any{"id": g.ID, "resource": g.Resource, "scopes": g.Scopes, "min_role": g.MinRole,
		"max_ttl_seconds": ttl, "created_at": ts(g.CreatedAt)}
}

func (s *Server) handleListOrgGrants(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	writeList(w, o.Grants, grantOut)
}

func (s *Server) handleAddOrgGrant(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Resource      string   `json:"resource"`
		Scopes        []string `json:"scopes"`
		MinRole       *string  `json:"min_role"`
		MaxTTLSeconds *int     `json:"max_ttl_seconds"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if len(in.Scopes) == 0 || slices.ContainsFunc(in.Scopes, func(sc string) bool { return strings.TrimSpace(sc) == "" }) {
		validationError(w, []string{"body", "scopes"}, "scopes must list at least one non-blank scope")
		return
	}
	role := "member"
	patch(&role, in.MinRole)
	if role != "member" && role != "admin" && role != "owner" {
		validationError(w, []string{"body", "min_role"}, "Input should be 'member', 'admin' or 'owner'")
		return
	}
	if in.MaxTTLSeconds != nil && *in.MaxTTLSeconds <= 0 {
		validationError(w, []string{"body", "max_ttl_seconds"}, "Input should be greater than 0")
		return
	}
	if !slices.ContainsFunc(o.Resources, func(res *orgResource) bool { return res.Identifier == in.Resource }) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Resource not registered for this organisation")
		return
	}
	g := &orgGrant{ID: newID(), Resource: in.Resource, Scopes: in.Scopes, MinRole: role, MaxTTL: in.MaxTTLSeconds, CreatedAt: s.now()}
	o.Grants = append(o.Grants, g)
	writeJSON(w, http.StatusOK, grantOut(g))
}

func (s *Server) handleRemoveOrgGrant(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	removeByID(w, r, "grant_id", "Delegation grant", &o.Grants, func(g *orgGrant) string { return g.ID })
}

func orgDeletionOut(o *orgRec) map[string]any {
	d := o.Deletion
	if d == nil {
		return map[string]any{"pending": false, "scheduled_for": nil}
	}
	var reason any
	if d.Reason != "" {
		reason = d.Reason
	}
	return map[string]any{"pending": true, "scheduled_for": ts(d.ScheduledFor), "requested_at": ts(d.RequestedAt), "reason": reason}
}

func (s *Server) handleRequestOrgDeletion(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	var in struct {
		Reason *string `json:"reason"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if o.Deletion != nil {
		writeError(w, http.StatusConflict, "ORG_DELETION_PENDING", "A deletion is already pending")
		return
	}
	now := s.now()
	o.Deletion = &orgDeletion{RequestedAt: now, ScheduledFor: now.Add(OrgDeletionWindow)}
	patch(&o.Deletion.Reason, in.Reason)
	writeJSON(w, http.StatusOK, orgDeletionOut(o))
}

func (s *Server) handleCancelOrgDeletion(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	if o.Deletion == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "No deletion is pending")
		return
	}
	o.Deletion = nil
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleOrgDeletionStatus(w http.ResponseWriter, r *http.Request, u *user, o *orgRec, me *orgMember) {
	writeJSON(w, http.StatusOK, orgDeletionOut(o))
}
