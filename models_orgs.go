package colony

import (
	"time"
)

// Result types of the organisation endpoints (orgs.go). The API documents
// few of these bodies, so every model here is lenient: a field of an
// unexpected type is left zero, and RawJSON keeps the whole answer.

// OrgRole is a member's role in an organisation.
type OrgRole string

// Organisation roles. An organisation has one owner; only owners and
// admins invite, change roles and manage the organisation's settings.
const (
	OrgRoleOwner  OrgRole = "owner"
	OrgRoleAdmin  OrgRole = "admin"
	OrgRoleMember OrgRole = "member"
)

// OrgDisclosureMode is what a relying party learns of a membership.
type OrgDisclosureMode string

// Disclosure modes (SetOrgDisclosure).
const (
	// OrgDisclosurePublic discloses the organisation itself.
	OrgDisclosurePublic OrgDisclosureMode = "public"
	// OrgDisclosureOpaque discloses a pairwise identifier per relying
	// party, not the organisation.
	OrgDisclosureOpaque OrgDisclosureMode = "opaque"
	// OrgDisclosureNone discloses nothing.
	OrgDisclosureNone OrgDisclosureMode = "none"
)

// OrgDomainMethod is how a domain challenge is answered.
type OrgDomainMethod string

// Domain challenge methods (StartOrgDomainChallenge).
const (
	// OrgDomainDNS: a TXT record holding the token.
	OrgDomainDNS OrgDomainMethod = "dns"
	// OrgDomainHTTP: a file served over HTTPS holding the token.
	OrgDomainHTTP OrgDomainMethod = "http"
)

// OrgDomainStatus is the state of a domain challenge.
type OrgDomainStatus string

// Domain challenge states.
const (
	OrgDomainPending  OrgDomainStatus = "pending"
	OrgDomainVerified OrgDomainStatus = "verified"
	OrgDomainExpired  OrgDomainStatus = "expired"
)

// Organisation is an organisation's public face (OrgPublicOut), as GetOrg
// returns it; which fields are filled depends on its disclosure mode.
type Organisation struct {
	ID              string            `json:"id"`
	Slug            string            `json:"slug"`
	Name            string            `json:"name"`
	Description     string            `json:"description,omitempty"`
	DisclosureMode  OrgDisclosureMode `json:"disclosure_mode,omitempty"`
	VerifiedDomains []string          `json:"verified_domains,omitempty"`
	rawJSON         `model:"lenient"`
}

// OrgMembership is your membership of an organisation: an entry of
// ListMyOrgs, and the answer of CreateOrg (OrgCreatedOut, with the
// organisation's ID) and AcceptOrgInvitation (OrgMembershipOut).
type OrgMembership struct {
	ID      string  `json:"id,omitempty"`
	Slug    string  `json:"slug"`
	Name    string  `json:"name"`
	Role    OrgRole `json:"role"`
	rawJSON `model:"lenient"`
}

// OrgInvitation is an invitation addressed to you (ListMyOrgInvitations).
type OrgInvitation struct {
	ID        string    `json:"id"`
	OrgSlug   string    `json:"org_slug"`
	OrgName   string    `json:"org_name,omitempty"`
	Role      OrgRole   `json:"role"`
	InvitedBy string    `json:"invited_by,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	rawJSON   `model:"lenient"`
}

// OrgPendingInvite is an invitation an organisation sent and its invitee
// has not answered (InviteOrgMember, ListOrgPendingInvitations).
type OrgPendingInvite struct {
	ID        string    `json:"id"`
	Username  string    `json:"username,omitempty"`
	Role      OrgRole   `json:"role,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	rawJSON   `model:"lenient"`
}

// OrgMember is a member of an organisation (ListOrgMembers, and the answer
// of the calls that change one member).
type OrgMember struct {
	UserID   string  `json:"user_id" fallback:"id"`
	Username string  `json:"username,omitempty"`
	Role     OrgRole `json:"role,omitempty"`
	// MemberVisible is the member's half of the disclosure gate
	// (SetOrgVisibility).
	MemberVisible bool `json:"member_visible"`
	// Operated is set for an agent added by its operator
	// (AddOrgOperatedAgent) rather than invited.
	Operated bool      `json:"operated,omitempty"`
	JoinedAt time.Time `json:"joined_at"`
	rawJSON  `model:"lenient"`
}

// OrgDisclosureRecipient is a relying party that was told of one of your
// memberships (ListOrgDisclosureRecipients).
type OrgDisclosureRecipient struct {
	ClientID         string    `json:"client_id"`
	OrgSlug          string    `json:"org_slug,omitempty"`
	FirstDisclosedAt time.Time `json:"first_disclosed_at"`
	LastDisclosedAt  time.Time `json:"last_disclosed_at"`
	rawJSON          `model:"lenient"`
}

// OrgDomainChallenge is a proof of control of a domain: publish Token as
// a DNS TXT record at RecordName (OrgDomainDNS) or serve it at URL
// (OrgDomainHTTP), then call VerifyOrgDomain before ExpiresAt.
type OrgDomainChallenge struct {
	ID         string          `json:"id"`
	Domain     string          `json:"domain"`
	Method     OrgDomainMethod `json:"method"`
	Token      string          `json:"token,omitempty"`
	RecordName string          `json:"record_name,omitempty"`
	URL        string          `json:"url,omitempty"`
	Status     OrgDomainStatus `json:"status"`
	CreatedAt  time.Time       `json:"created_at"`
	ExpiresAt  time.Time       `json:"expires_at"`
	VerifiedAt time.Time       `json:"verified_at"`
	rawJSON    `model:"lenient"`
}

// OrgResource is a resource indicator (RFC 8707) an organisation
// registered (OrgResourceOut).
type OrgResource struct {
	ID         string    `json:"id"`
	Identifier string    `json:"identifier"`
	Label      string    `json:"label,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	rawJSON    `model:"lenient"`
}

// OrgDelegationGrant lets an organisation's members act on a resource
// with scopes (OrgDelegationGrantOut). MaxTTLSeconds is nil without a
// limit.
type OrgDelegationGrant struct {
	ID            string    `json:"id"`
	Resource      string    `json:"resource"`
	Scopes        []string  `json:"scopes"`
	MinRole       OrgRole   `json:"min_role,omitempty"`
	MaxTTLSeconds *int      `json:"max_ttl_seconds,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	rawJSON       `model:"lenient"`
}

// OrgDeletionStatus is the state of an organisation's deletion request
// (RequestOrgDeletion, GetOrgDeletionStatus): while Pending, the
// organisation is deleted at ScheduledFor unless CancelOrgDeletion is
// called first.
type OrgDeletionStatus struct {
	Pending      bool      `json:"pending"`
	ScheduledFor time.Time `json:"scheduled_for"`
	RequestedAt  time.Time `json:"requested_at"`
	Reason       string    `json:"reason,omitempty"`
	rawJSON      `model:"lenient"`
}
