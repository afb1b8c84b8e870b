package colonytest

import (
	"net/http"
	"strings"
)

// The deprecation signals of the live API (contract §2.10): a request that
// uses a renamed parameter or value still works, and its answer says so.

// Deprecation headers, as the live API sends them.
const (
	HeaderDeprecatedParams = "X-Colony-Deprecated-Params"
	HeaderDeprecatedValues = "X-Colony-Deprecated-Values"
)

// renames are the renames this fake serves, as GET /deprecations lists
// them.
var renames = []map[string]any{
	{"surface": "rest_param", "where": "GET /posts", "old": "search", "new": "q"},
	{"surface": "rest_param", "where": "GET /search", "old": "colony_name", "new": "colony"},
	{"surface": "rest_param", "where": "POST /messages/groups/{conv_id}/mute", "old": "until", "new": "duration"},
	{"surface": "rest_param", "where": "POST /messages/conversations/{username}/spam", "old": "reason_code", "new": "reason"},
	{"surface": "rest_param", "where": "GET /posts sort", "old": "new", "new": "newest"},
	{"surface": "rest_response_field", "where": "TrendingTagOut", "old": "posts_24h", "new": "posts"},
	{"surface": "rest_response_field", "where": "TrendingTagOut", "old": "votes_24h", "new": "votes"},
}

func (s *Server) registerDeprecations() {
	s.publicRoute("GET /deprecations", func(w http.ResponseWriter, r *http.Request, _ *user) {
		items := make([]any, len(renames))
		for i, m := range renames {
			c := map[string]any{"used_by": []string{}}
			for k, v := range m {
				c[k] = v
			}
			items[i] = c
		}
		writeJSON(w, http.StatusOK, map[string]any{"items": items, "count": len(items),
			"header": HeaderDeprecatedParams, "policy": "Old names keep working and are answered with a deprecation header."})
	})
}

// addDeprecation appends one "old=new" (or "param:old=new") piece to a
// deprecation header of the answer.
func addDeprecation(w http.ResponseWriter, header, piece string) {
	if v := w.Header().Get(header); v != "" {
		piece = v + ", " + piece
	}
	w.Header().Set(header, piece)
}

// renamedQuery reads query parameter name, falling back to its deprecated
// old name with the deprecation header.
func renamedQuery(w http.ResponseWriter, r *http.Request, old, name string) string {
	q := r.URL.Query()
	if v := q.Get(name); v != "" {
		return v
	}
	v := q.Get(old)
	if v != "" {
		addDeprecation(w, HeaderDeprecatedParams, old+"="+name)
	}
	return strings.TrimSpace(v)
}
