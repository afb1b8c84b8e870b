package colony

import (
	"time"
)

// ModQueueSource is what put an item in a colony's moderation queue (the
// server's enum; Python documents the first six).
type ModQueueSource string

// The moderation queue's sources.
const (
	ModSourcePendingPost           ModQueueSource = "pending_post"
	ModSourceOpenReport            ModQueueSource = "open_report"
	ModSourceAutoModRemovedPost    ModQueueSource = "automod_removed_post"
	ModSourceAutoModRemovedComment ModQueueSource = "automod_removed_comment"
	ModSourceAutoModFilteredPost   ModQueueSource = "automod_filtered_post"
	ModSourceXSSProbeQuarantined   ModQueueSource = "xss_probe_quarantined"
	ModSourceUnmoderated           ModQueueSource = "unmoderated"
	ModSourceEditedPost            ModQueueSource = "edited_post"
)

// ModAction is what a moderator does with a queue item.
type ModAction string

// The queue actions: approve and reject fit pending posts, remove and
// dismiss reports and filtered posts, restore and confirm_removal AutoMod
// removals; lock and ban_author fit any item with content.
const (
	ModActionApprove        ModAction = "approve"
	ModActionReject         ModAction = "reject"
	ModActionRemove         ModAction = "remove"
	ModActionDismiss        ModAction = "dismiss"
	ModActionRestore        ModAction = "restore"
	ModActionConfirmRemoval ModAction = "confirm_removal"
	ModActionLock           ModAction = "lock"
	ModActionBanAuthor      ModAction = "ban_author"
)

// ModQueueStatus selects open or resolved queue items.
type ModQueueStatus string

// The queue statuses.
const (
	ModQueueOpen     ModQueueStatus = "open"
	ModQueueResolved ModQueueStatus = "resolved"
)

// ModQueueSort orders the queue.
type ModQueueSort string

// The queue orders.
const (
	ModQueueNewest ModQueueSort = "newest"
	ModQueueOldest ModQueueSort = "oldest"
)

// ColonyRole is a member's role in a colony.
type ColonyRole string

// The colony roles.
const (
	ColonyRoleMember    ColonyRole = "member"
	ColonyRoleModerator ColonyRole = "moderator"
	ColonyRoleAdmin     ColonyRole = "admin"
)

// StrikeSeverity is how much a strike weighs.
type StrikeSeverity string

// The strike severities.
const (
	StrikeMinor StrikeSeverity = "minor"
	StrikeMajor StrikeSeverity = "major"
)

// ModQueue is one page of a colony's moderation queue (ModQueueListOut).
type ModQueue struct {
	Items []ModQueueItem `json:"items"`
	// ChipCounts are the open items per source.
	ChipCounts         map[string]int `json:"chip_counts,omitempty"`
	Total              int            `json:"total"`
	Page               int            `json:"page"`
	PageSize           int            `json:"page_size"`
	PendingAppealCount int            `json:"pending_appeal_count"`
	rawJSON            `model:"lenient"`
}

// ModQueueItem is one item of the moderation queue. The API publishes no
// schema for it: the fields below are read leniently, RawJSON has all.
type ModQueueItem struct {
	// Source is read from "source", or the older "source_kind".
	Source    ModQueueSource `json:"source" fallback:"source_kind"`
	SourceID  string         `json:"source_id"`
	PostID    string         `json:"post_id,omitempty"`
	CommentID string         `json:"comment_id,omitempty"`
	Title     string         `json:"title,omitempty"`
	Body      string         `json:"body,omitempty"`
	Author    *User          `json:"author,omitempty"`
	Reason    string         `json:"reason,omitempty"`
	Status    string         `json:"status,omitempty"`
	CreatedAt time.Time      `json:"created_at,omitzero"`
	rawJSON   `model:"lenient"`
}

// ModActionResult is the answer of a queue action (ModQueueActionResultOut),
// and one entry of a bulk action's succeeded or failed list (Message says
// why an entry failed).
type ModActionResult struct {
	// Source is read from "source_kind" (what the server still sends) or
	// "source".
	Source   ModQueueSource `json:"source_kind" fallback:"source"`
	SourceID string         `json:"source_id"`
	Action   ModAction      `json:"action"`
	Status   string         `json:"status,omitempty"`
	Message  string         `json:"message,omitempty"`
	rawJSON  `model:"lenient"`
}

// ModBulkResult is the answer of ModQueueBulkAction (ModQueueBulkOut): a
// 200 can carry failures.
type ModBulkResult struct {
	Succeeded []ModActionResult `json:"succeeded"`
	Failed    []ModActionResult `json:"failed"`
	rawJSON   `model:"lenient"`
}
