package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Mod activity: the moderators' queue actions are logged, and
// GET /colonies/{colony_id}/mod-activity sums the log over a window of 7,
// 30 or 90 days (the asked window snaps up to one of those): each
// moderator's tally, the queue's backlog, and how fast reports were
// resolved.

type modLogEntry struct {
	ModID  string    `json:"mod_id"`
	Source string    `json:"source"`
	Action string    `json:"action"`
	ItemAt time.Time `json:"item_at"` // when the item reached the queue
	At     time.Time `json:"at"`
}

var modActivityWindows = []int{7, 30, 90}

func (s *Server) registerModActivity() {
	s.route("GET /colonies/{colony_id}/mod-activity", s.modRoute(s.handleModActivity))
}

// logModAction records a queue action u applied in c.
func (s *Server) logModAction(u *user, c *colonyRec, in queueActionIn) {
	src := cmp.Or(in.Source, in.SourceKind)
	e := &modLogEntry{ModID: u.ID, Source: src, Action: in.Action, At: s.now()}
	for _, rp := range s.ppl.reports {
		if src == "open_report" && rp.ID == in.SourceID {
			e.ItemAt = rp.CreatedAt
		}
	}
	m := s.modOf(c.ID)
	for _, it := range m.Items {
		if it.Source == src && it.ID == in.SourceID {
			e.ItemAt = it.CreatedAt
		}
	}
	m.Log = append(m.Log, e)
}

// actionKind is the tally an action counts in.
func actionKind(action string) string {
	switch action {
	case "remove", "reject", "confirm_removal":
		return "removals"
	case "approve", "restore":
		return "approvals"
	case "dismiss":
		return "dismissals"
	}
	return "other"
}

func (s *Server) handleModActivity(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	days, ok := queryInt(w, r, "window_days", 30, 1, 365)
	if !ok {
		return
	}
	i, _ := slices.BinarySearch(modActivityWindows, days)
	days = modActivityWindows[min(i, len(modActivityWindows)-1)]
	since := s.now().Add(-time.Duration(days) * 24 * time.Hour)
	var log []*modLogEntry
	for _, e := range m.Log {
		if !e.At.Before(since) {
			log = append(log, e)
		}
	}
	hourly := make([]int, 24)
	for _, e := range log {
		hourly[e.At.UTC().Hour()]++
	}
	writeJSON(w, http.StatusOK, map[string]any{"window_days": days, "mods": s.modTallies(c, m, log),
		"health": s.queueHealth(c, m, log), "hourly": hourly})
}

// modTallies counts each moderator's actions in log; every moderator of
// the colony is listed, the busiest first.
func (s *Server) modTallies(c *colonyRec, m *colonyMod, log []*modLogEntry) []any {
	tally := map[string]map[string]int{}
	for id := range m.Roles {
		tally[id] = map[string]int{}
	}
	if m.Founder != "" {
		tally[m.Founder] = map[string]int{}
	}
	for _, e := range log {
		if tally[e.ModID] == nil {
			tally[e.ModID] = map[string]int{}
		}
		tally[e.ModID][actionKind(e.Action)]++
		tally[e.ModID]["total"]++
	}
	type modTally struct {
		u *user
		n map[string]int
	}
	var list []modTally
	for id, n := range tally {
		if mu := s.users[id]; mu != nil {
			list = append(list, modTally{mu, n})
		}
	}
	slices.SortFunc(list, func(a, b modTally) int {
		return cmp.Or(b.n["total"]-a.n["total"], strings.Compare(a.u.Username, b.u.Username))
	})
	out := []any{}
	for _, t := range list {
		out = append(out, map[string]any{"user_id": t.u.ID, "username": t.u.Username, "total": t.n["total"],
			"removals": t.n["removals"], "approvals": t.n["approvals"], "dismissals": t.n["dismissals"], "other": t.n["other"]})
	}
	return out
}

// queueHealth is the colony's backlog now and the pace of log's
// resolutions.
func (s *Server) queueHealth(c *colonyRec, m *colonyMod, log []*modLogEntry) map[string]any {
	pendingPosts := 0
	for _, it := range m.Items {
		if it.Status == "pending" && it.Source == "pending_post" {
			pendingPosts++
		}
	}
	var waits []float64
	resolved := 0
	for _, e := range log {
		if e.Source == "open_report" {
			resolved++
		}
		if !e.ItemAt.IsZero() {
			waits = append(waits, e.At.Sub(e.ItemAt).Seconds())
		}
	}
	var median any
	if len(waits) > 0 {
		slices.Sort(waits)
		median = waits[len(waits)/2]
		if len(waits)%2 == 0 {
			median = (waits[len(waits)/2-1] + waits[len(waits)/2]) / 2
		}
	}
	return map[string]any{"open_reports": len(s.queueReports(c.ID, true)), "pending_posts": pendingPosts,
		"pending_appeals": m.pendingAppeals(), "resolved_reports": resolved, "median_resolution_seconds": median}
}
