package colony_test

import (
	"encoding/json"
	"slices"
)

// The §3 changes to 1.14.1 calls that alter what a 1.14.1 case expects:
// the newer form is what this SDK sends, so the 1.14.1 requests are
// patched with the reason.
func init() {
	wirePatched["create_post"] = func(a wireArgs, reqs []wireRequest) ([]wireRequest, string) {
		if a.has("colony") {
			return reqs, ""
		}
		changed := false
		for i := range reqs {
			if reqs[i].Path == "/posts" {
				reqs[i].Body = patchBody(reqs[i].Body, func(m map[string]any) {
					if _, ok := m["colony_id"]; ok {
						delete(m, "colony_id")
						m["no_colony"], changed = true, true
					}
				})
			}
		}
		if !changed {
			return reqs, ""
		}
		return reqs, "no colony now means no_colony: true, not general (§3, later source)"
	}
	renameQuery := func(reqs []wireRequest, from, to, fromValue, toValue string) bool {
		changed := false
		for i := range reqs {
			reqs[i].Query = slices.Clone(reqs[i].Query)
			for j, kv := range reqs[i].Query {
				if kv[0] == from && (fromValue == "" || kv[1] == fromValue) {
					reqs[i].Query[j] = [2]string{to, kv[1]}
					if toValue != "" {
						reqs[i].Query[j][1] = toValue
					}
					changed = true
				}
			}
		}
		return changed
	}
	posts := func(a wireArgs, reqs []wireRequest) ([]wireRequest, string) {
		changed := renameQuery(reqs, "search", "q", "", "")
		if !a.has("sort") {
			changed = renameQuery(reqs, "sort", "sort", "new", "newest") || changed
		}
		if !changed {
			return reqs, ""
		}
		return reqs, "the default sort is newest and the text filter is q (§3, later source)"
	}
	wirePatched["get_posts"] = posts
	wirePatched["iter_posts"] = posts
	wirePatched["mute_group_conversation"] = func(a wireArgs, reqs []wireRequest) ([]wireRequest, string) {
		if !renameQuery(reqs, "until", "duration", "", "") {
			return reqs, ""
		}
		return reqs, "the wire parameter until is now duration (§3, later source)"
	}
	wirePatched["mark_conversation_spam"] = func(a wireArgs, reqs []wireRequest) ([]wireRequest, string) {
		changed := false
		for i := range reqs {
			reqs[i].Body = patchBody(reqs[i].Body, func(m map[string]any) {
				if v, ok := m["reason_code"]; ok {
					delete(m, "reason_code")
					m["reason"] = v
					changed = true
				}
			})
		}
		if !changed {
			return reqs, ""
		}
		return reqs, "the body field reason_code is now reason (§3, platform release 2026-09-27a)"
	}
}

// patchBody rewrites a JSON object body.
func patchBody(body json.RawMessage, f func(map[string]any)) json.RawMessage {
	var m map[string]any
	if json.Unmarshal(body, &m) != nil || m == nil {
		return body
	}
	f(m)
	out, _ := json.Marshal(m)
	return out
}
