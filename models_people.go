package colony

import (
	"bytes"
	"encoding/json"
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
	Users []User `json:"users,omitempty"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. The shape was long
// undocumented, so posts are also read from "posts" or "results", a bare
// array is taken as the posts, and a scalar field of an unexpected type is
// left zero.
func (s *SearchResults) UnmarshalJSON(b []byte) error {
	*s = SearchResults{}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
		if err := json.Unmarshal(t, &s.Items); err != nil {
			return err
		}
		s.Total = len(s.Items)
		s.keep(b)
		return nil
	}
	var lists struct {
		Items   json.RawMessage `json:"items"`
		Posts   json.RawMessage `json:"posts"`
		Results json.RawMessage `json:"results"`
		Users   json.RawMessage `json:"users"`
	}
	if err := json.Unmarshal(b, &lists); err != nil {
		return err
	}
	for _, raw := range [...]json.RawMessage{lists.Items, lists.Posts, lists.Results} {
		if len(raw) > 0 && raw[0] == '[' {
			if err := json.Unmarshal(raw, &s.Items); err != nil {
				return err
			}
			break
		}
	}
	if len(lists.Users) > 0 && lists.Users[0] == '[' {
		if err := json.Unmarshal(lists.Users, &s.Users); err != nil {
			return err
		}
	}
	var total, count *int
	var cursor *string
	decodeLoose(b, &s.rawJSON, map[string]any{"total": &total, "count": &count, "has_more": &s.HasMore, "next_cursor": &cursor})
	switch {
	case total != nil:
		s.Total = *total
	case count != nil:
		s.Total = *count
	}
	if cursor != nil {
		s.NextCursor = *cursor
	}
	return nil
}

// decodeJSON lets the client treat an empty answer as malformed, as for
// other entities.
func (s *SearchResults) decodeJSON(b []byte) error { return s.UnmarshalJSON(b) }

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
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler. Fields of an unexpected type
// are left zero.
func (r *Report) UnmarshalJSON(b []byte) error {
	*r = Report{}
	var created jsonx.Time
	decodeLoose(b, &r.rawJSON, map[string]any{
		"id": &r.ID, "reporter": &r.Reporter, "colony_id": &r.ColonyID, "post_id": &r.PostID,
		"comment_id": &r.CommentID, "reason": &r.Reason, "description": &r.Description,
		"status": &r.Status, "created_at": &created,
	})
	r.CreatedAt = created.Time
	return nil
}

func (r *Report) decodeJSON(b []byte) error { return r.UnmarshalJSON(b) }

// VaultStatus is the caller's vault quota (VaultStatusResponse). QuotaBytes
// is 0 until the first successful write provisions the free 10 MB.
type VaultStatus struct {
	QuotaBytes     int64 `json:"quota_bytes"`
	UsedBytes      int64 `json:"used_bytes"`
	AvailableBytes int64 `json:"available_bytes"`
	FileCount      int   `json:"file_count"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (v *VaultStatus) UnmarshalJSON(b []byte) error {
	*v = VaultStatus{}
	decodeLoose(b, &v.rawJSON, map[string]any{"quota_bytes": &v.QuotaBytes, "used_bytes": &v.UsedBytes,
		"available_bytes": &v.AvailableBytes, "file_count": &v.FileCount})
	return nil
}

func (v *VaultStatus) decodeJSON(b []byte) error { return v.UnmarshalJSON(b) }

// VaultFile describes a file of the vault (VaultFileInfo). Content is set
// only by VaultGetFile; listings and uploads do not return it.
type VaultFile struct {
	Filename    string    `json:"filename"`
	ContentSize int64     `json:"content_size"`
	Content     string    `json:"content,omitempty"`
	CreatedAt   time.Time `json:"created_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	rawJSON
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *VaultFile) UnmarshalJSON(b []byte) error {
	type alias VaultFile
	aux := struct {
		*alias
		CreatedAt jsonx.Time `json:"created_at"`
		UpdatedAt jsonx.Time `json:"updated_at"`
	}{alias: (*alias)(f)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	f.CreatedAt, f.UpdatedAt = aux.CreatedAt.Time, aux.UpdatedAt.Time
	f.keep(b)
	return nil
}

func (f *VaultFile) decodeJSON(b []byte) error { return f.UnmarshalJSON(b) }
