package colonytest

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// AutoMod: a colony's rules, in their order, look at each new post and
// comment; the first enabled rule that matches decides. Remove takes the
// content down and queues it as an AutoMod removal (restore or
// confirm_removal); filter queues a post for review (remove or dismiss).
// A dry run evaluates one rule against recent content and changes nothing.

type autoModRule struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Scope     string          `json:"scope"`
	Enabled   bool            `json:"enabled"`
	Triggers  autoModTriggers `json:"triggers"`
	Actions   autoModActions  `json:"actions"`
	CreatedAt time.Time       `json:"created_at"`
}

type autoModTriggers struct {
	Keywords []string `json:"keywords,omitempty"`
	Regex    []string `json:"regex,omitempty"`
}

type autoModActions struct {
	Remove bool `json:"remove,omitempty"`
	Filter bool `json:"filter,omitempty"`
}

// modItem is a queue item AutoMod made.
type modItem struct {
	Source    string    `json:"source"` // automod_removed_post|automod_removed_comment|automod_filtered_post
	ID        string    `json:"id"`     // the post's or comment's id: the item's source_id
	PostID    string    `json:"post_id"`
	RuleID    string    `json:"rule_id"`
	Status    string    `json:"status"` // pending until acted on
	CreatedAt time.Time `json:"created_at"`
}

var autoModScopes = []string{"post", "comment", "both"}

func (s *Server) registerAutoMod() {
	s.route("GET /colonies/{colony_id}/automod-rules", s.modRoute(s.handleListRules))
	s.route("POST /colonies/{colony_id}/automod-rules", s.modRoute(s.handleCreateRule))
	s.route("PATCH /colonies/{colony_id}/automod-rules/{rule_id}", s.modRoute(s.handleUpdateRule))
	s.route("PUT /colonies/{colony_id}/automod-rules/order", s.modRoute(s.handleReorderRules))
	s.route("POST /colonies/{colony_id}/automod-rules/dry-run", s.modRoute(s.handleDryRunRule))
	s.route("DELETE /colonies/{colony_id}/automod-rules/{rule_id}", s.modRoute(s.handleDeleteRule))
}

func ruleOut(i int, rl *autoModRule) map[string]any {
	trig := map[string]any{}
	if len(rl.Triggers.Keywords) > 0 {
		trig["keywords"] = rl.Triggers.Keywords
	}
	if len(rl.Triggers.Regex) > 0 {
		trig["regex"] = rl.Triggers.Regex
	}
	act := map[string]any{}
	if rl.Actions.Remove {
		act["remove"] = true
	}
	if rl.Actions.Filter {
		act["filter"] = true
	}
	return map[string]any{"rule_id": rl.ID, "name": rl.Name, "scope": rl.Scope, "enabled": rl.Enabled,
		"order_index": i, "triggers": trig, "actions": act, "created_at": ts(rl.CreatedAt)}
}

func rulesOut(m *colonyMod) map[string]any {
	out := []any{}
	for i, rl := range m.Rules {
		out = append(out, ruleOut(i, rl))
	}
	return map[string]any{"rules": out}
}

// matches returns the keyword or pattern of rl that text matches, or "".
func (rl *autoModRule) matches(kind, text string) string {
	if rl.Scope != "both" && rl.Scope != kind {
		return ""
	}
	low := strings.ToLower(text)
	for _, k := range rl.Triggers.Keywords {
		if k != "" && strings.Contains(low, strings.ToLower(k)) {
			return k
		}
	}
	for _, p := range rl.Triggers.Regex {
		if re, err := regexp.Compile(p); err == nil && re.MatchString(text) {
			return p
		}
	}
	return ""
}

// autoModApply runs the colony's rules on new content (kind post or
// comment); the first enabled match acts.
func (s *Server) autoModApply(colonyID, kind, id, postID, text string) {
	m := s.mod.Colonies[colonyID]
	if m == nil || s.quarantineBannedWords(colonyID, kind, id, postID, text) {
		return
	}
	for _, rl := range m.Rules {
		if !rl.Enabled || rl.matches(kind, text) == "" {
			continue
		}
		item := &modItem{ID: id, PostID: postID, RuleID: rl.ID, Status: "pending", CreatedAt: s.now()}
		switch {
		case rl.Actions.Remove:
			item.Source = "automod_removed_" + kind
			s.setDeleted(kind, id, true)
		case rl.Actions.Filter && kind == "post":
			item.Source = "automod_filtered_post"
		default:
			continue
		}
		m.Items = append(m.Items, item)
		return
	}
}

func (s *Server) setDeleted(kind, id string, deleted bool) {
	if kind == "post" {
		if p := s.posts[id]; p != nil {
			p.Deleted = deleted
		}
	} else if c := s.comments[id]; c != nil {
		c.Deleted = deleted
	}
}

// ruleIn is a rule's body, for create, dry run and (with pointers) update.
type ruleIn struct {
	Name     *string          `json:"name"`
	Scope    *string          `json:"scope"`
	Triggers *autoModTriggers `json:"triggers"`
	Actions  *autoModActions  `json:"actions"`
	Enabled  *bool            `json:"enabled"`
	Order    *int             `json:"order_index"`
}

// validate answers 422 for a bad field; create says whether name and
// triggers are required.
func (in *ruleIn) validate(w http.ResponseWriter, create bool) bool {
	switch {
	case create && in.Name == nil, in.Name != nil && (strings.TrimSpace(*in.Name) == "" || utf8.RuneCountInString(*in.Name) > 120):
		validationError(w, []string{"body", "name"}, "name must be 1 to 120 characters")
		return false
	case in.Scope != nil && !checkLiteral(w, "body", "scope", *in.Scope, autoModScopes...):
		return false
	case create && (in.Triggers == nil || len(in.Triggers.Keywords)+len(in.Triggers.Regex) == 0):
		validationError(w, []string{"body", "triggers"}, "a rule needs at least one keyword or regex")
		return false
	}
	if in.Triggers != nil {
		for _, p := range in.Triggers.Regex {
			if _, err := regexp.Compile(p); err != nil {
				validationError(w, []string{"body", "triggers", "regex"}, "invalid regular expression: "+p)
				return false
			}
		}
	}
	return true
}

// newRule reads the rule a create or a dry run sends, validated as on
// create (422): enabled, and for both posts and comments unless it names a
// scope.
func (s *Server) newRule(w http.ResponseWriter, r *http.Request) (*autoModRule, bool) {
	var in ruleIn
	if !decodeBody(w, r, &in) || !in.validate(w, true) {
		return nil, false
	}
	rl := &autoModRule{ID: newID(), Name: *in.Name, Scope: "both", Enabled: true, Triggers: *in.Triggers, CreatedAt: s.now()}
	patch(&rl.Scope, in.Scope)
	patch(&rl.Actions, in.Actions)
	return rl, true
}

func (s *Server) handleListRules(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	writeJSON(w, http.StatusOK, rulesOut(m))
}

func (s *Server) handleCreateRule(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	rl, ok := s.newRule(w, r)
	if !ok {
		return
	}
	m.Rules = append(m.Rules, rl)
	writeJSON(w, http.StatusOK, ruleOut(len(m.Rules)-1, rl))
}

func (s *Server) findRule(w http.ResponseWriter, r *http.Request, m *colonyMod) (int, bool) {
	i := slices.IndexFunc(m.Rules, func(rl *autoModRule) bool { return rl.ID == r.PathValue("rule_id") })
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Rule not found")
	}
	return i, i >= 0
}

func (s *Server) handleUpdateRule(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	i, ok := s.findRule(w, r, m)
	if !ok {
		return
	}
	var in ruleIn
	if !decodeBody(w, r, &in) || !in.validate(w, false) {
		return
	}
	rl := m.Rules[i]
	patch(&rl.Name, in.Name)
	patch(&rl.Scope, in.Scope)
	patch(&rl.Triggers, in.Triggers)
	patch(&rl.Actions, in.Actions)
	patch(&rl.Enabled, in.Enabled)
	if in.Order != nil {
		to := min(max(*in.Order, 0), len(m.Rules)-1)
		m.Rules = slices.Insert(slices.Delete(m.Rules, i, i+1), to, rl)
		i = to
	}
	writeJSON(w, http.StatusOK, ruleOut(i, rl))
}

func (s *Server) handleReorderRules(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	var in struct {
		RuleIDs []string `json:"rule_ids"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if len(in.RuleIDs) < 1 || len(in.RuleIDs) > 200 {
		validationError(w, []string{"body", "rule_ids"}, "List should have 1 to 200 items")
		return
	}
	byID := map[string]*autoModRule{}
	for _, rl := range m.Rules {
		byID[rl.ID] = rl
	}
	order := make([]*autoModRule, 0, len(in.RuleIDs))
	for _, id := range in.RuleIDs {
		rl := byID[id]
		if rl == nil {
			break
		}
		delete(byID, id)
		order = append(order, rl)
	}
	if len(order) != len(in.RuleIDs) || len(byID) > 0 {
		writeError(w, http.StatusConflict, "CONFLICT", "rule_ids must list every rule of the colony exactly once")
		return
	}
	m.Rules = order
	writeJSON(w, http.StatusOK, rulesOut(m))
}

func (s *Server) handleDryRunRule(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	rl, ok := s.newRule(w, r)
	if !ok {
		return
	}
	matches := []any{}
	posts, comments := 0, 0
	for p := range s.livePostsNewest() {
		if posts >= 200 {
			break
		}
		if p.ColonyID != c.ID {
			continue
		}
		posts++
		if k := rl.matches("post", p.Title+"\n"+p.Body); k != "" {
			matches = append(matches, map[string]any{"target_type": "post", "target_id": p.ID, "post_id": p.ID, "matched": k, "excerpt": p.Title})
		}
		for _, cm := range p.commentList {
			if cm.Deleted || comments >= 200 {
				continue
			}
			comments++
			if k := rl.matches("comment", cm.Body); k != "" {
				matches = append(matches, map[string]any{"target_type": "comment", "target_id": cm.ID, "post_id": p.ID, "matched": k, "excerpt": cm.Body})
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"scanned_posts": posts, "scanned_comments": comments,
		"total_scanned": posts + comments, "match_count": len(matches), "matches": matches})
}

func (s *Server) handleDeleteRule(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	i, ok := s.findRule(w, r, m)
	if !ok {
		return
	}
	m.Rules = slices.Delete(m.Rules, i, i+1)
	w.WriteHeader(http.StatusNoContent)
}
