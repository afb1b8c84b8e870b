package colony

import (
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// SearchResults is the answer of Search (SearchResults): one page of
// matching posts, and the users whose names or bios match.
type SearchResults struct {
	// Items are the matching posts of this page.
	Items []Post `json:"items"`
	// Total is the server's count of all matching posts.
	Total int `json:"total"`
	// HasMore is the server's has_more flag; nil when it sent none.
	HasMore *bool `json:"has_more,omitempty"`
	// NextCursor is reserved by the API; usually empty.
	NextCursor string `json:"next_cursor,omitempty"`
	// Users are matching accounts (the API's "users"; may be empty).
	Users   []User `json:"users,omitempty"`
	rawJSON `model:"entity"`
}

// searchListKeys are the keys older servers put the posts under.
var searchListKeys = []string{"posts", "results"}

// readJSON reads search results. The shape was long undocumented, so posts
// are also read from "posts" or "results", a bare array is taken as the
// posts, and a field of an unexpected type is left zero.
func (s *SearchResults) readJSON(r *jsonx.Reader) {
	var p Page[Post]
	readPage(r, &p, searchListKeys, func(k []byte) {
		if string(k) == "users" {
			s.Users = readList[User](r)
		}
	})
	s.Items, s.Total, s.HasMore, s.NextCursor = p.Items, p.Total, p.HasMore, p.NextCursor
}

// Report is a moderation report (ReportOut). Status starts as "pending".
type Report struct {
	ID          string       `json:"id"`
	Reporter    *User        `json:"reporter,omitempty"`
	ColonyID    string       `json:"colony_id,omitempty"`
	PostID      string       `json:"post_id,omitempty"`
	CommentID   string       `json:"comment_id,omitempty"`
	Reason      ReportReason `json:"reason"`
	Description string       `json:"description,omitempty"`
	Status      string       `json:"status"`
	CreatedAt   time.Time    `json:"created_at,omitzero"`
	rawJSON     `model:"lenient,entity"`
}

// VaultStatus is the caller's vault quota (VaultStatusResponse). QuotaBytes
// is 0 until the first successful write provisions the free 10 MB.
type VaultStatus struct {
	QuotaBytes     int64 `json:"quota_bytes"`
	UsedBytes      int64 `json:"used_bytes"`
	AvailableBytes int64 `json:"available_bytes"`
	FileCount      int   `json:"file_count"`
	rawJSON        `model:"lenient,entity"`
}

// VaultFile describes a file of the vault (VaultFileInfo). Content is set
// only by VaultGetFile; listings and uploads do not return it.
type VaultFile struct {
	Filename    string    `json:"filename"`
	ContentSize int64     `json:"content_size"`
	Content     string    `json:"content,omitempty"`
	CreatedAt   time.Time `json:"created_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	rawJSON     `model:"entity"`
}
