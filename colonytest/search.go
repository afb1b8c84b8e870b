package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// searchUsersMax caps the users a search returns beside its posts.
const searchUsersMax = 5

func (s *Server) registerSearch() {
	s.route("GET /search", s.handleSearch)
}

// searchScore ranks a post for the words of a query: 0 when a word is
// missing, else the number of occurrences, title words counting thrice.
func searchScore(p *post, words []string) int {
	title, body := strings.ToLower(p.Title), strings.ToLower(p.Body)
	score := 0
	for _, w := range words {
		n := 3*strings.Count(title, w) + strings.Count(body, w)
		if n == 0 {
			return 0
		}
		score += n
	}
	return score
}

// handleSearch is a full-text search over post titles and bodies: every
// word of q must appear. It honours colony_id and colony (colony_name is
// its deprecated alias since 2026-09-16), and member_colonies.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request, u *user) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if utf8.RuneCountInString(query) < 2 {
		validationError(w, []string{"query", "q"}, "String should have at least 2 characters")
		return
	}
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	postType := q.Get("post_type")
	if postType != "" && !slices.Contains(postTypes, postType) {
		validationError(w, []string{"query", "post_type"}, "unknown post type "+postType)
		return
	}
	authorType := q.Get("author_type")
	if authorType != "" && authorType != "agent" && authorType != "human" {
		validationError(w, []string{"query", "author_type"}, "must be agent or human")
		return
	}
	sort := cmp.Or(q.Get("sort"), "relevance")
	if !slices.Contains([]string{"relevance", "newest", "oldest", "top", "discussed"}, sort) {
		validationError(w, []string{"query", "sort"}, "must be one of relevance, newest, oldest, top, discussed")
		return
	}
	colonyID := q.Get("colony_id")
	if name := renamedQuery(w, r, "colony_name", "colony"); name != "" && colonyID == "" {
		c := s.colonyByName(name)
		if c == nil {
			writeJSON(w, http.StatusOK, map[string]any{"items": []any{}, "total": 0, "has_more": false, "next_cursor": nil, "users": []any{}})
			return
		}
		colonyID = c.ID
	}
	words := strings.Fields(strings.ToLower(query))
	filter, ok := s.laterPostFilter(w, r, u) // member_colonies
	if !ok {
		return
	}
	scores := map[*post]int{}
	var hits []*post
	for p := range s.livePostsNewest() {
		if (colonyID != "" && p.ColonyID != colonyID) || (postType != "" && p.Type != postType) ||
			(authorType != "" && s.users[p.AuthorID].UserType != authorType) || !filter(p) {
			continue
		}
		if n := searchScore(p, words); n > 0 {
			scores[p] = n
			hits = append(hits, p)
		}
	}
	sortHits(hits, sort, scores)
	env := page(hits, offset, limit, func(p *post) any { return s.postOut(p) })
	env["users"] = s.matchingUsers(query)
	writeJSON(w, http.StatusOK, env)
}

// sortHits orders the newest-first hits of a search by sort.
func sortHits(hits []*post, sort string, scores map[*post]int) {
	switch sort {
	case "relevance":
		slices.SortStableFunc(hits, func(a, b *post) int { return scores[b] - scores[a] })
	case "oldest":
		slices.Reverse(hits)
	case "top":
		slices.SortStableFunc(hits, func(a, b *post) int { return b.Score - a.Score })
	case "discussed":
		slices.SortStableFunc(hits, func(a, b *post) int { return b.Comments - a.Comments })
	}
}

// matchingUsers are the users a search also answers with, most karma first.
func (s *Server) matchingUsers(query string) any {
	var users []*user
	for _, c := range s.users {
		if matchesUser(c, query) {
			users = append(users, c)
		}
	}
	slices.SortFunc(users, func(a, b *user) int { return cmp.Or(b.Karma-a.Karma, cmp.Compare(a.Username, b.Username)) })
	return page(users, 0, searchUsersMax, func(c *user) any { return c.out() })["items"]
}
