package colonytest

import (
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A member's own view of a group (read state, mute, snooze, read
// receipts), pins and search.

var muteDurations = map[string]time.Duration{"1h": time.Hour, "8h": 8 * time.Hour, "1d": 24 * time.Hour, "1w": 7 * 24 * time.Hour}

var snoozeDurations = map[string]time.Duration{"1h": time.Hour, "3h": 3 * time.Hour, "1d": 24 * time.Hour, "1w": 7 * 24 * time.Hour}

// ---- per-member state ----

func (s *Server) handleGroupReadAll(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	n, now := 0, s.now()
	for _, m := range c.msgs {
		if _, read := m.reads[u.ID]; !read && m.senderID != u.ID && !m.deleted {
			m.reads[u.ID] = now
			n++
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"marked": n})
}

func (s *Server) handleMuteGroup(w http.ResponseWriter, r *http.Request, u *user) {
	_, p, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	until := renamedQuery(w, r, "until", "duration")
	d, known := muteDurations[until]
	if !known && until != "" && until != "forever" {
		validationError(w, []string{"query", "duration"}, "duration must be one of 1h, 8h, 1d, 1w, forever")
		return
	}
	p.muted, p.mutedUntil = true, time.Time{}
	if known {
		p.mutedUntil = s.now().Add(d)
	}
	writeJSON(w, http.StatusOK, map[string]any{"muted": true, "muted_until": tsOrNil(p.mutedUntil)})
}

func (s *Server) handleUnmuteGroup(w http.ResponseWriter, r *http.Request, u *user) {
	if _, p, ok := s.memberGroup(w, r, u, false); ok {
		p.muted, p.mutedUntil = false, time.Time{}
		writeJSON(w, http.StatusOK, map[string]any{"muted": false, "muted_until": nil})
	}
}

// handleSnoozeGroup hides a group until a time; "until_morning" is the
// next 08:00 UTC.
func (s *Server) handleSnoozeGroup(w http.ResponseWriter, r *http.Request, u *user) {
	_, p, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	now := s.now().UTC()
	duration := r.URL.Query().Get("duration")
	if d, known := snoozeDurations[duration]; known {
		p.snoozedUntil = now.Add(d)
	} else if duration == "until_morning" {
		morning := time.Date(now.Year(), now.Month(), now.Day(), 8, 0, 0, 0, time.UTC)
		if !morning.After(now) {
			morning = morning.AddDate(0, 0, 1)
		}
		p.snoozedUntil = morning
	} else {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "duration must be one of 1h, 3h, until_morning, 1d, 1w")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"snoozed_until": ts(p.snoozedUntil)})
}

func (s *Server) handleUnsnoozeGroup(w http.ResponseWriter, r *http.Request, u *user) {
	if _, p, ok := s.memberGroup(w, r, u, false); ok {
		p.snoozedUntil = time.Time{}
		writeJSON(w, http.StatusOK, map[string]any{"snoozed_until": nil})
	}
}

// handleGroupReceipts sets or clears the per-group read-receipt override;
// the user-level preference is "show" in the fake.
func (s *Server) handleGroupReceipts(w http.ResponseWriter, r *http.Request, u *user) {
	c, p, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	show, present, ok := queryBool(w, r, "show")
	if !ok {
		return
	}
	p.receipts = nil
	if present {
		p.receipts = &show
	}
	var override any
	if p.receipts != nil {
		override = *p.receipts
	}
	writeJSON(w, http.StatusOK, map[string]any{"override": override, "effective": s.showsReceipts(c, u.ID)})
}

// ---- pins and search ----

func (s *Server) handlePinMessage(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, true)
	if !ok {
		return
	}
	m := s.msg.messages[r.PathValue("msg_id")]
	if m == nil || m.conv != c {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Message not found in this group")
		return
	}
	i := slices.IndexFunc(c.pins, func(p *pin) bool { return p.msg == m })
	if i < 0 {
		c.pins = append(c.pins, &pin{msg: m, at: s.now()})
		i = len(c.pins) - 1
	}
	writeJSON(w, http.StatusOK, map[string]any{"pinned": true, "message_id": m.ID, "pinned_at": ts(c.pins[i].at)})
}

// handleUnpinMessage is idempotent and never answers 404 for the message.
func (s *Server) handleUnpinMessage(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, true)
	if !ok {
		return
	}
	id := r.PathValue("msg_id")
	c.pins = slices.DeleteFunc(c.pins, func(p *pin) bool { return p.msg.ID == id })
	writeJSON(w, http.StatusOK, map[string]any{"pinned": false, "message_id": id, "pinned_at": nil})
}

// msgWords splits text into its words (runs of letters and digits).
func msgWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// msgHighlight wraps every word of text whose lower case is in terms in
// [[hl]]...[[/hl]], keeping the rest of the text as it is.
func msgHighlight(text string, terms map[string]bool) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		if terms[strings.ToLower(w)] {
			b.WriteString("[[hl]]" + w + "[[/hl]]")
		} else {
			b.WriteString(w)
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(text))
	return b.String()
}

// handleSearchGroup matches messages containing every word of q (whole
// words, case-insensitive), newest first.
func (s *Server) handleSearchGroup(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if n := utf8.RuneCountInString(q); n < 2 || n > 200 {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "q must be 2 to 200 characters")
		return
	}
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	terms := map[string]bool{}
	for _, t := range msgWords(q) {
		terms[strings.ToLower(t)] = true
	}
	var hits []*message
	for i := len(c.msgs) - 1; i >= 0 && len(terms) > 0; i-- {
		m := c.msgs[i]
		if m.deleted {
			continue
		}
		found := map[string]bool{}
		for _, wd := range msgWords(m.body) {
			if lw := strings.ToLower(wd); terms[lw] {
				found[lw] = true
			}
		}
		if len(found) == len(terms) {
			hits = append(hits, m)
		}
	}
	env := page(hits, offset, limit, func(m *message) any {
		out := s.messageOut(m, u)
		out["body_highlight"] = msgHighlight(m.body, terms)
		return out
	})
	results := env["items"].([]any)
	writeJSON(w, http.StatusOK, map[string]any{"q": q, "count": len(results), "results": results,
		"pagination": map[string]any{"total": env["total"], "has_more": env["has_more"]}})
}
