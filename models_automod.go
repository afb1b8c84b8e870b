package colony

import (
	"time"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// AutoModScope is what an AutoMod rule looks at.
type AutoModScope string

// The rule scopes.
const (
	AutoModPosts    AutoModScope = "post"
	AutoModComments AutoModScope = "comment"
	AutoModBoth     AutoModScope = "both"
)

// AutoModTriggers say what a rule matches: any keyword (case-insensitive)
// or any regular expression, in a post's title or body or a comment's
// body.
type AutoModTriggers struct {
	Keywords []string `json:"keywords,omitempty"`
	Regex    []string `json:"regex,omitempty"`
}

// AutoModActions say what a match does: Remove takes the content down
// (it reaches the queue as an AutoMod removal, to restore or confirm);
// Filter holds it for review (the queue's automod_filtered_post).
type AutoModActions struct {
	Remove bool `json:"remove,omitempty"`
	Filter bool `json:"filter,omitempty"`
}

// readTriggers and readActions read a rules parts (plain values, not
// models: they keep no raw JSON of their own).
func readTriggers(r *jsonx.Reader, t *AutoModTriggers) {
	r.Fields(func(k []byte) {
		switch string(k) {
		case "keywords":
			t.Keywords = r.Strings()
		case "regex":
			t.Regex = r.Strings()
		}
	})
}

func readActions(r *jsonx.Reader, a *AutoModActions) {
	r.Fields(func(k []byte) {
		switch string(k) {
		case "remove":
			a.Remove = r.Bool()
		case "filter":
			a.Filter = r.Bool()
		}
	})
}

// AutoModRule is one AutoMod rule of a colony (AutoModRuleOut). Rules are
// evaluated in OrderIndex order; the first enabled match decides.
type AutoModRule struct {
	RuleID     string          `json:"rule_id"`
	Name       string          `json:"name"`
	Scope      AutoModScope    `json:"scope"`
	Enabled    bool            `json:"enabled"`
	OrderIndex int             `json:"order_index"`
	Triggers   AutoModTriggers `json:"triggers"`
	Actions    AutoModActions  `json:"actions"`
	CreatedAt  time.Time       `json:"created_at,omitzero"`
	rawJSON    `model:"lenient"`
}

func (m *AutoModRule) readJSON(r *jsonx.Reader) {
	readFields(r, m, func(k []byte) bool {
		switch string(k) {
		case "triggers":
			readTriggers(r, &m.Triggers)
		case "actions":
			readActions(r, &m.Actions)
		default:
			return false
		}
		return true
	})
}

// AutoModDryRun is what a rule would have matched among a colony's
// recent content, had it existed; a dry run changes nothing.
type AutoModDryRun struct {
	ScannedPosts    int            `json:"scanned_posts"`
	ScannedComments int            `json:"scanned_comments"`
	TotalScanned    int            `json:"total_scanned"`
	MatchCount      int            `json:"match_count"`
	Matches         []AutoModMatch `json:"matches"`
	rawJSON         `model:"lenient"`
}

// AutoModMatch is one item a dry run matched. The API publishes no schema
// for it: the fields are read leniently, RawJSON has all.
type AutoModMatch struct {
	// TargetType is "post" or "comment".
	TargetType string `json:"target_type"`
	TargetID   string `json:"target_id"`
	PostID     string `json:"post_id,omitempty"`
	// Matched is the keyword or pattern that matched.
	Matched string `json:"matched,omitempty"`
	Excerpt string `json:"excerpt,omitempty"`
	rawJSON `model:"lenient"`
}
