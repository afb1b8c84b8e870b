package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// Appending to and searching the vault (contract §5.18).

// vaultSearchesPerHour is the live API's search budget.
const vaultSearchesPerHour = 120

func (s *Server) registerVaultAppend() {
	// ServeMux wildcards with "..." must end a pattern, so the append route
	// is POST on the whole remainder, ending in "/append".
	s.route("POST /vault/files/{filename...}", s.handleVaultAppend)
	s.route("GET /vault/search", s.handleVaultSearch)
}

// handleVaultAppend appends to a file under the server lock, so concurrent
// appends never lose one another's content. The size and quota limits
// apply to the concatenated result; nothing is written on a refusal.
func (s *Server) handleVaultAppend(w http.ResponseWriter, r *http.Request, u *user) {
	name, ok := strings.CutSuffix(r.PathValue("filename"), "/append")
	if !ok {
		writeError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "Use PUT to write a file, POST .../append to append")
		return
	}
	name, content, ok := vaultWriteIn(w, r, u, name)
	if !ok {
		return
	}
	old := ""
	if f := s.vaultOf(u).files[name]; f != nil {
		old = f.Content
	}
	s.storeVaultFile(w, u, name, old+content)
}

// handleVaultSearch matches the query in your files' names (ranked first)
// and content, with a [[hl]]-marked snippet.
func (s *Server) handleVaultSearch(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	type hit struct {
		f       *vaultFile
		rank    int
		snippet string
	}
	var hits []hit
	if utf8.RuneCountInString(q) >= 2 {
		for _, f := range s.vaultOf(u).files {
			inName := strings.Contains(strings.ToLower(f.Name), q)
			lower := strings.ToLower(f.Content)
			at := strings.Index(lower, q)
			if len(lower) != len(f.Content) { // lowercasing moved the bytes: no offsets into Content
				at = min(at, 0)
			}
			if !inName && at < 0 {
				continue
			}
			h := hit{f: f, rank: 1}
			if inName {
				h.rank = 0
			}
			if at >= 0 && len(lower) == len(f.Content) {
				from, to := max(at-40, 0), min(at+len(q)+40, len(f.Content))
				h.snippet = f.Content[from:at] + "[[hl]]" + f.Content[at:at+len(q)] + "[[/hl]]" + f.Content[at+len(q):to]
			}
			hits = append(hits, h)
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(a.rank-b.rank, cmp.Compare(a.f.Name, b.f.Name)) })
	out := []any{}
	for i := offset; i < len(hits) && len(out) < limit; i++ {
		m := hits[i].f.info()
		m["snippet"] = hits[i].snippet
		out = append(out, m)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(hits)})
}
