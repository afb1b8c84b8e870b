package colonytest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// Colony settings: PATCH /colonies/{colony_id} changes the keys it is
// sent, for the colony's moderators; null clears a nullable one. The
// server keeps to them: the karma floors gate posting, commenting, voting
// and joining (403 KARMA_TOO_LOW), banned words are rejected (422) or
// quarantined into the moderation queue, and the strike threshold and
// action decide when a strike fires. (require_flair is stored and shown:
// no route gives a post a flair, so it is not enforced.)

// colonySettings are a colony's settings; the tags are the wire keys.
type colonySettings struct {
	Rules                string   `json:"rules"`
	WelcomeMessage       string   `json:"welcome_message"`
	DefaultSort          string   `json:"default_sort"`
	AccentColor          string   `json:"accent_color"`
	ShowRulesBanner      bool     `json:"show_rules_banner"`
	RequiresPostApproval bool     `json:"requires_post_approval"`
	RequireFlair         bool     `json:"require_flair"`
	BannedWords          []string `json:"banned_words"`
	ReportReasons        []string `json:"report_reasons"`
	BannedWordsAction    string   `json:"banned_words_action"`
	UndoWindowSeconds    int      `json:"undo_window_seconds"`
	MinKarmaToPost       *int     `json:"min_karma_to_post"`
	MinKarmaToComment    *int     `json:"min_karma_to_comment"`
	MinKarmaToVote       *int     `json:"min_karma_to_vote"`
	MinKarmaToJoin       *int     `json:"min_karma_to_join"`
	StrikeThreshold      int      `json:"strike_threshold"`
	StrikeAction         string   `json:"strike_action"`
}

var (
	colonySorts        = []string{"newest", "hot", "top", "discussed", "shuffle"}
	bannedWordsActions = []string{"quarantine", "reject"}
	strikeActions      = []string{"mute_7d", "mute_30d", "ban"}
	// nullableSettings may be sent as null: texts become empty, floors off.
	nullableSettings = []string{"description", "rules", "welcome_message", "accent_color",
		"min_karma_to_post", "min_karma_to_comment", "min_karma_to_vote", "min_karma_to_join"}
)

// settingKeys are the keys PATCH takes: the names, and the settings'
// tags.
var settingKeys = func() []string {
	keys := []string{"display_name", "description"}
	t := reflect.TypeFor[colonySettings]()
	for i := range t.NumField() {
		keys = append(keys, t.Field(i).Tag.Get("json"))
	}
	return keys
}()

// defaultSettings are a seeded colony's settings: no karma floors.
func defaultSettings() colonySettings {
	return colonySettings{DefaultSort: "newest", BannedWords: []string{}, ReportReasons: []string{},
		BannedWordsAction: "quarantine", StrikeThreshold: strikeThreshold, StrikeAction: strikeAction}
}

// newColonySettings are a created colony's: the floors -20, -50, -20, -20.
func newColonySettings() *colonySettings {
	st := defaultSettings()
	post, comment, vote, join := -20, -50, -20, -20
	st.MinKarmaToPost, st.MinKarmaToComment, st.MinKarmaToVote, st.MinKarmaToJoin = &post, &comment, &vote, &join
	return &st
}

// settings are the colony's settings, the defaults until changed.
// settings returns a copy of the colony's settings that shares nothing
// with the stored ones: a PATCH decodes into it and may yet be refused.
func (m *colonyMod) settings() colonySettings {
	if m == nil || m.Settings == nil {
		return defaultSettings()
	}
	c := *m.Settings
	for _, f := range []**int{&c.MinKarmaToPost, &c.MinKarmaToComment, &c.MinKarmaToVote, &c.MinKarmaToJoin} {
		if *f != nil {
			v := **f
			*f = &v
		}
	}
	c.BannedWords, c.ReportReasons = slices.Clone(c.BannedWords), slices.Clone(c.ReportReasons)
	return c
}

func (s *Server) registerColonySettings() {
	s.route("PATCH /colonies/{colony_id}", s.modRoute(s.handleUpdateSettings))
}

// decorateSettings adds the settings to a rendered colony.
func (s *Server) decorateSettings(c *colonyRec, out map[string]any) {
	b, _ := json.Marshal(s.mod.Colonies[c.ID].settings())
	_ = json.Unmarshal(b, &out)
	for _, k := range []string{"rules", "welcome_message", "accent_color"} {
		if out[k] == "" {
			out[k] = nil
		}
	}
}

// settingsPatch is a PATCH body: each key's raw value.
type settingsPatch map[string]json.RawMessage

// readSettingsPatch decodes the body, refusing unknown keys and a null
// for a setting that cannot be cleared.
func readSettingsPatch(w http.ResponseWriter, r *http.Request) (settingsPatch, bool) {
	raw, _ := io.ReadAll(r.Body)
	var p settingsPatch
	if err := json.Unmarshal(raw, &p); err != nil || p == nil {
		validationError(w, []string{"body"}, "a JSON object is required")
		return nil, false
	}
	for k, v := range p {
		switch {
		case !slices.Contains(settingKeys, k):
			validationError(w, []string{"body", k}, "Extra inputs are not permitted")
			return nil, false
		case string(v) == "null" && !slices.Contains(nullableSettings, k):
			validationError(w, []string{"body", k}, k+" may not be null")
			return nil, false
		}
	}
	return p, true
}

func (s *Server) handleUpdateSettings(w http.ResponseWriter, r *http.Request, u *user, c *colonyRec, m *colonyMod) {
	p, ok := readSettingsPatch(w, r)
	if !ok {
		return
	}
	next := m.settings()
	next.BannedWords, next.ReportReasons = nil, nil // a list sent replaces the old one
	var names struct {
		DisplayName *string `json:"display_name"`
		Description *string `json:"description"`
	}
	body, _ := json.Marshal(p)
	if err := json.Unmarshal(body, &next); err != nil || json.Unmarshal(body, &names) != nil {
		validationError(w, []string{"body"}, "a setting has the wrong type")
		return
	}
	old := m.settings()
	next.BannedWords, next.ReportReasons = cmpOrList(next.BannedWords, old.BannedWords), cmpOrList(next.ReportReasons, old.ReportReasons)
	for k, f := range map[string]*string{"rules": &next.Rules, "welcome_message": &next.WelcomeMessage, "accent_color": &next.AccentColor} {
		if string(p[k]) == "null" {
			*f = "" // cleared
		}
	}
	if next.DefaultSort == "new" {
		next.DefaultSort = "newest" // the deprecated name
	}
	if loc, msg := next.check(names.DisplayName); msg != "" {
		validationError(w, []string{"body", loc}, msg)
		return
	}
	if names.DisplayName != nil {
		c.DisplayName = strings.TrimSpace(*names.DisplayName)
	}
	if _, set := p["description"]; set {
		c.Description = ""
		if names.Description != nil {
			c.Description = *names.Description
		}
	}
	m.Settings = &next
	writeJSON(w, http.StatusOK, s.colonyOut(c))
}

// cmpOrList is the list sent, or the old one when none was.
func cmpOrList(sent, old []string) []string {
	if sent == nil {
		return old
	}
	return sent
}

// check applies the settings' rules, returning the failing key and why.
func (st *colonySettings) check(displayName *string) (string, string) {
	floors := map[string]*int{"min_karma_to_post": st.MinKarmaToPost, "min_karma_to_comment": st.MinKarmaToComment,
		"min_karma_to_vote": st.MinKarmaToVote, "min_karma_to_join": st.MinKarmaToJoin}
	for k, f := range floors {
		if f != nil && (*f < -100000 || *f > 100000) {
			return k, k + " must be -100000 to 100000"
		}
	}
	switch {
	case displayName != nil && (strings.TrimSpace(*displayName) == "" || utf8.RuneCountInString(*displayName) > 100):
		return "display_name", "display_name must be 1 to 100 characters"
	case !slices.Contains(colonySorts, st.DefaultSort):
		return "default_sort", "default_sort must be one of " + strings.Join(colonySorts, ", ")
	case st.AccentColor != "" && !hexColorShape.MatchString(st.AccentColor):
		return "accent_color", "accent_color must be #rrggbb"
	case !slices.Contains(bannedWordsActions, st.BannedWordsAction):
		return "banned_words_action", "banned_words_action must be quarantine or reject"
	case st.UndoWindowSeconds < 0 || st.UndoWindowSeconds > 300:
		return "undo_window_seconds", "undo_window_seconds must be 0 to 300"
	case st.StrikeThreshold < 1 || st.StrikeThreshold > 10:
		return "strike_threshold", "strike_threshold must be 1 to 10"
	case !slices.Contains(strikeActions, st.StrikeAction):
		return "strike_action", "strike_action must be mute_7d, mute_30d or ban"
	}
	return "", ""
}

// refuseKarma answers 403 KARMA_TOO_LOW when u's karma is under the
// colony's floor for act (post, comment, vote or join).
func (s *Server) refuseKarma(w http.ResponseWriter, colonyID string, u *user, act string) bool {
	st := s.mod.Colonies[colonyID].settings()
	floor := map[string]*int{"post": st.MinKarmaToPost, "comment": st.MinKarmaToComment,
		"vote": st.MinKarmaToVote, "join": st.MinKarmaToJoin}[act]
	if floor == nil || u.Karma >= *floor {
		return false
	}
	writeError(w, http.StatusForbidden, "KARMA_TOO_LOW", fmt.Sprintf("You need %d karma to %s in this colony", *floor, act))
	return true
}

// bannedWord returns the first of the banned words text holds (any case),
// or "".
func (st colonySettings) bannedWord(text string) string {
	low := strings.ToLower(text)
	for _, b := range st.BannedWords {
		if b != "" && strings.Contains(low, strings.ToLower(b)) {
			return b
		}
	}
	return ""
}

// refuseContent answers the refusals of new content by u in a colony: a
// karma floor, or a banned word where the colony rejects them.
func (s *Server) refuseContent(w http.ResponseWriter, colonyID string, u *user, act, text string) bool {
	if s.refuseKarma(w, colonyID, u, act) {
		return true
	}
	st := s.mod.Colonies[colonyID].settings()
	if word := st.bannedWord(text); word != "" && st.BannedWordsAction == "reject" {
		writeError(w, http.StatusUnprocessableEntity, "BANNED_WORD", fmt.Sprintf("This colony does not allow %q", word))
		return true
	}
	return false
}

// quarantineBannedWords hides new content (kind post or comment) that
// holds a banned word of a quarantining colony, queueing it as a removal
// to restore or confirm; it reports whether it did.
func (s *Server) quarantineBannedWords(colonyID, kind, id, postID, text string) bool {
	m := s.mod.Colonies[colonyID]
	if m == nil || m.settings().bannedWord(text) == "" {
		return false
	}
	s.setDeleted(kind, id, true)
	m.Items = append(m.Items, &modItem{Source: "automod_removed_" + kind, ID: id, PostID: postID, Status: "pending", CreatedAt: s.now()})
	return true
}
