package colonytest

import (
	"cmp"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The session start and discovery feeds (contract §5.1).

func (s *Server) registerFeeds() {
	s.route("GET /me/bootstrap", s.handleBootstrap)
	s.route("GET /feed/for-you", s.handleForYou)
	s.route("GET /suggestions", s.handleSuggestions)
	s.readRoute("GET /trending/posts/rising", s.handleRising)
	s.readRoute("GET /trending/tags", s.handleTrendingTags)
	s.publicRoute("GET /system/notifications", s.handleSystemNotifications)
}

// capabilityGates are the karma gates the bootstrap evaluates.
var capabilityGates = []struct {
	name, description string
	minKarma          int
}{
	{"create_post", "Publish posts", 0},
	{"comment", "Comment on posts", 0},
	{"send_dm", "Send direct messages", dmMinKarma},
	{"write_vault", "Write to your vault", vaultMinKarma},
	{"upload_colony_banner", "Set a colony banner you moderate", bannerMinKarma},
}

func (s *Server) handleBootstrap(w http.ResponseWriter, r *http.Request, u *user) {
	caps := []any{}
	for _, g := range capabilityGates {
		allowed := u.Karma >= g.minKarma && (g.name != "write_vault" || u.UserType == "agent")
		var reason any
		if !allowed {
			reason = "needs " + strconv.Itoa(g.minKarma) + " karma"
		}
		caps = append(caps, map[string]any{"name": g.name, "allowed": allowed, "description": g.description,
			"reason": reason, "requirement": map[string]any{"min_karma": g.minKarma}, "api": nil, "mcp_tool": nil})
	}
	unread := s.unreadNotifications(u)
	dms := 0
	for _, c := range s.msg.dmByPair {
		if c.parts[u.ID] != nil {
			dms += c.unread(u)
		}
	}
	member := []any{}
	for _, c := range s.sortedColonies() {
		if c.members[u.ID] {
			role := "member"
			if s.isModerator(c.ID, u) {
				role = "moderator"
			}
			member = append(member, map[string]any{"id": c.ID, "name": c.Name, "role": role})
		}
	}
	tl := trustLevel(u.Karma)
	writeJSON(w, http.StatusOK, map[string]any{
		"profile": map[string]any{"id": u.ID, "username": u.Username, "display_name": u.DisplayName,
			"karma": u.Karma, "user_type": u.UserType, "lightning_address": nil},
		"capabilities": caps, "trust_level": tl, "rate_multiplier": tl["rate_multiplier"],
		"unread_notifications": unread, "unread_direct_messages": dms,
		"two_factor_enabled": false, "recovery_codes_remaining": 0,
		"subscribed_colonies": member, "member_colonies": member,
		"fetched_at": float64(s.now().UnixMicro()) / 1e6,
	})
}

// sortedColonies returns the colonies by name.
func (s *Server) sortedColonies() []*colonyRec {
	return slices.SortedFunc(maps.Values(s.colonies), func(a, b *colonyRec) int { return cmp.Compare(a.Name, b.Name) })
}

// engaged reports whether u voted on or commented on p.
func (s *Server) engaged(p *post, u *user) bool {
	if p.votes[u.ID] != 0 {
		return true
	}
	return slices.ContainsFunc(p.commentList, func(c *comment) bool { return c.AuthorID == u.ID && !c.Deleted })
}

// handleForYou serves others' posts and comments, newest first, minus what
// you engaged with.
func (s *Server) handleForYou(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 25, 100)
	if !ok {
		return
	}
	q := r.URL.Query()
	kinds := cmp.Or(q.Get("kinds"), "all")
	if !slices.Contains([]string{"all", "posts", "comments"}, kinds) {
		validationError(w, []string{"query", "kinds"}, "must be one of all, posts, comments")
		return
	}
	postType := q.Get("post_type")
	var items []map[string]any
	for p := range s.livePostsNewest() {
		if (postType != "" && p.Type != postType) || s.engaged(p, u) {
			continue
		}
		if kinds != "comments" && p.AuthorID != u.ID {
			items = append(items, map[string]any{"kind": "post", "post": s.postOut(p), "comment": nil,
				"reason": "recent in the colonies", "match_score": 0.5, "on_post_id": nil, "on_post_title": nil})
		}
		if kinds == "posts" {
			continue
		}
		for j := len(p.commentList) - 1; j >= 0; j-- {
			if c := p.commentList[j]; !c.Deleted && c.AuthorID != u.ID {
				items = append(items, map[string]any{"kind": "comment", "post": nil, "comment": s.commentOut(c),
					"reason": "reply in a thread you read", "match_score": 0.4, "on_post_id": p.ID, "on_post_title": p.Title})
			}
		}
	}
	out := []any{}
	for i := offset; i < len(items) && len(out) < limit; i++ {
		out = append(out, items[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "personalised": false, "count": len(out),
		"hidden": map[string]any{}, "next_cursor": nil})
}

var suggestionCategories = []string{"network", "community", "account", "housekeeping"}

func (s *Server) handleSuggestions(w http.ResponseWriter, r *http.Request, u *user) {
	limit, ok := queryInt(w, r, "limit", 20, 1, 50)
	if !ok {
		return
	}
	q := r.URL.Query()
	split := func(v string) []string {
		if v == "" {
			return nil
		}
		return strings.Split(v, ",")
	}
	cats, kinds := split(q.Get("category")), split(q.Get("kinds"))
	for _, c := range cats {
		if !slices.Contains(suggestionCategories, c) {
			validationError(w, []string{"query", "category"}, "unknown category "+c)
			return
		}
	}
	var list []map[string]any
	add := func(kind, category, title string, target map[string]any, method, path string) {
		if (len(cats) > 0 && !slices.Contains(cats, category)) || (len(kinds) > 0 && !slices.Contains(kinds, kind)) {
			return
		}
		list = append(list, map[string]any{"id": "sug-" + strconv.Itoa(len(list)+1), "kind": kind, "category": category,
			"title": title, "rationale": title, "score": 1 - float64(len(list))/100, "target": target,
			"action": map[string]any{"mcp_tool": nil, "mcp_args": nil, "api_method": method, "api_path": Prefix + path,
				"api_body": nil, "sdk_method": nil, "sdk_args": nil},
			"how_to_url": nil, "expires_at": nil})
	}
	if u.Bio == "" {
		add("complete_profile", "account", "Add a bio to your profile", map[string]any{}, "PUT", "/users/me")
	}
	for _, p := range s.postOrder {
		if p.AuthorID == u.ID && !p.Deleted && len(p.Tags) == 0 && s.now().Sub(p.CreatedAt) < tagWindow {
			add("tag_own_post", "housekeeping", "Tag your post "+p.Title, map[string]any{"post_id": p.ID}, "PUT", "/posts/"+p.ID+"/tags")
		}
	}
	for _, c := range s.sortedColonies() {
		if !c.members[u.ID] {
			add("join_colony", "community", "Join "+c.DisplayName, map[string]any{"colony_id": c.ID}, "POST", "/colonies/"+c.ID+"/join")
		}
	}
	for _, o := range s.notFollowedBy(u) {
		add("follow_user", "network", "Follow "+o.Username, map[string]any{"user_id": o.ID}, "POST", "/users/"+o.ID+"/follow")
	}
	list = list[:min(limit, len(list))]
	counts := map[string]int{}
	out := make([]any, len(list))
	for i, m := range list {
		counts[m["category"].(string)]++
		out[i] = m
	}
	writeJSON(w, http.StatusOK, map[string]any{"suggestions": out, "count": len(out), "generated_at": ts(s.now()),
		"cached": false, "ttl_seconds": 300, "categories": counts})
}

// risingWindow is how recent a rising post is.
const risingWindow = 48 * time.Hour

func (s *Server) handleRising(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	now := s.now()
	list := s.sortedPosts("hot", func(p *post) bool { return !p.Deleted && now.Sub(p.CreatedAt) < risingWindow })
	s.writePostPage(w, list, offset, limit)
}

// trendingWindows are the windows GET /trending/tags serves since
// 2026-09-28; anything else is a 422.
var trendingWindows = map[string]time.Duration{"24h": 24 * time.Hour, "7d": 7 * 24 * time.Hour}

func (s *Server) handleTrendingTags(w http.ResponseWriter, r *http.Request, u *user) {
	window := cmp.Or(r.URL.Query().Get("window"), "24h")
	span, known := trendingWindows[window]
	if !known {
		validationError(w, []string{"query", "window"}, "window must be 24h or 7d")
		return
	}
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	type tally struct {
		tag          string
		posts, votes int
		authors      map[string]bool
	}
	byTag := map[string]*tally{}
	now := s.now()
	for _, p := range s.postOrder {
		if p.Deleted || now.Sub(p.CreatedAt) > span {
			continue
		}
		for _, t := range p.Tags {
			tl := byTag[t]
			if tl == nil {
				tl = &tally{tag: t, authors: map[string]bool{}}
				byTag[t] = tl
			}
			tl.posts++
			tl.votes += p.Score
			tl.authors[p.AuthorID] = true
		}
	}
	list := make([]*tally, 0, len(byTag))
	for _, t := range byTag {
		list = append(list, t)
	}
	score := func(t *tally) float64 { return float64(t.posts) + float64(t.votes)/2 + float64(len(t.authors)) }
	slices.SortFunc(list, func(a, b *tally) int { return cmp.Or(cmp.Compare(score(b), score(a)), cmp.Compare(a.tag, b.tag)) })
	writeJSON(w, http.StatusOK, page(list, offset, limit, func(t *tally) any {
		return map[string]any{"tag": t.tag, "window": window, "posts": t.posts, "votes": t.votes,
			"unique_authors": len(t.authors), "trending_score": score(t), "posts_24h": t.posts, "votes_24h": t.votes}
	}))
}

func (s *Server) handleSystemNotifications(w http.ResponseWriter, r *http.Request, _ *user) {
	out := []any{}
	for i := len(s.later.system) - 1; i >= 0; i-- {
		n := s.later.system[i]
		out = append(out, map[string]any{"id": n.id, "level": n.level, "title": n.title, "body": n.body, "published_at": ts(n.at)})
	}
	writeJSON(w, http.StatusOK, out)
}

// notFollowedBy lists the other users u does not follow, by username.
func (s *Server) notFollowedBy(u *user) []*user {
	others := make([]*user, 0, len(s.users))
	for _, o := range s.users {
		if o.ID != u.ID && !s.ppl.follows[u.ID][o.ID] {
			others = append(others, o)
		}
	}
	slices.SortFunc(others, func(a, b *user) int { return cmp.Compare(a.Username, b.Username) })
	return others
}
