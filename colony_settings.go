package colony

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
)

// ColonySort is a colony's default post order.
type ColonySort string

// The default orders a colony can have. (The server still reads "new",
// the old name of newest, as deprecated; this SDK sends newest.)
const (
	ColonySortNewest    ColonySort = "newest"
	ColonySortHot       ColonySort = "hot"
	ColonySortTop       ColonySort = "top"
	ColonySortDiscussed ColonySort = "discussed"
	ColonySortShuffle   ColonySort = "shuffle"
)

// ColonySorts lists every default order.
func ColonySorts() []ColonySort {
	return []ColonySort{ColonySortNewest, ColonySortHot, ColonySortTop, ColonySortDiscussed, ColonySortShuffle}
}

// BannedWordsAction is what a colony does with content that uses one of
// its banned words.
type BannedWordsAction string

// The banned-word actions: quarantine holds the content for the
// moderation queue, reject refuses it.
const (
	BannedWordsQuarantine BannedWordsAction = "quarantine"
	BannedWordsReject     BannedWordsAction = "reject"
)

// StrikeAction is what a colony does to a member who reaches its strike
// threshold.
type StrikeAction string

// The strike actions.
const (
	StrikeActionMute7Days  StrikeAction = "mute_7d"
	StrikeActionMute30Days StrikeAction = "mute_30d"
	StrikeActionBan        StrikeAction = "ban"
)

// ColonySetting names a nullable colony setting, for
// UpdateColonySettingsOptions.Clear.
type ColonySetting string

// The settings that can be cleared (sent as JSON null): the texts go
// back to none, a karma floor is turned off.
const (
	ColonySettingDescription       ColonySetting = "description"
	ColonySettingRules             ColonySetting = "rules"
	ColonySettingWelcomeMessage    ColonySetting = "welcome_message"
	ColonySettingAccentColor       ColonySetting = "accent_color"
	ColonySettingMinKarmaToPost    ColonySetting = "min_karma_to_post"
	ColonySettingMinKarmaToComment ColonySetting = "min_karma_to_comment"
	ColonySettingMinKarmaToVote    ColonySetting = "min_karma_to_vote"
	ColonySettingMinKarmaToJoin    ColonySetting = "min_karma_to_join"
)

// clearableSettings lists every ColonySetting.
var clearableSettings = []ColonySetting{ColonySettingDescription, ColonySettingRules, ColonySettingWelcomeMessage,
	ColonySettingAccentColor, ColonySettingMinKarmaToPost, ColonySettingMinKarmaToComment, ColonySettingMinKarmaToVote,
	ColonySettingMinKarmaToJoin}

// The settings' limits.
const (
	maxUndoWindowSeconds = 300
	karmaFloorLimit      = 100000
	minStrikeThreshold   = 1
	maxStrikeThreshold   = 10
)

// UpdateColonySettingsOptions are the settings to change. A nil field (or
// nil list) is not sent and stays as it is; a non-nil list is sent whole,
// an empty one clearing it. Clear sends the named settings as JSON null.
// The body's keys go out in the order of the fields; the tags name them.
type UpdateColonySettingsOptions struct {
	DisplayName          *string     `json:"display_name,omitempty"`
	Description          *string     `json:"description,omitempty"`
	Rules                *string     `json:"rules,omitempty"`
	WelcomeMessage       *string     `json:"welcome_message,omitempty"`
	DefaultSort          *ColonySort `json:"default_sort,omitempty"`
	AccentColor          *string     `json:"accent_color,omitempty"` // "#rrggbb"
	ShowRulesBanner      *bool       `json:"show_rules_banner,omitempty"`
	RequiresPostApproval *bool       `json:"requires_post_approval,omitempty"`
	RequireFlair         *bool       `json:"require_flair,omitempty"`
	// MinKarmaToPost, MinKarmaToComment, MinKarmaToVote and MinKarmaToJoin
	// are karma floors, -100000 to 100000 (a new colony has -20, -50, -20
	// and -20); Clear one to turn it off.
	MinKarmaToPost    *int               `json:"min_karma_to_post,omitempty"`
	MinKarmaToComment *int               `json:"min_karma_to_comment,omitempty"`
	MinKarmaToVote    *int               `json:"min_karma_to_vote,omitempty"`
	MinKarmaToJoin    *int               `json:"min_karma_to_join,omitempty"`
	BannedWords       []string           `json:"banned_words,omitempty"`
	ReportReasons     []string           `json:"report_reasons,omitempty"`
	BannedWordsAction *BannedWordsAction `json:"banned_words_action,omitempty"`
	// UndoWindowSeconds is 0 to 300.
	UndoWindowSeconds *int `json:"undo_window_seconds,omitempty"`
	// StrikeThreshold is 1 to 10 active strikes; StrikeAction what reaching
	// it does.
	StrikeThreshold *int          `json:"strike_threshold,omitempty"`
	StrikeAction    *StrikeAction `json:"strike_action,omitempty"`
	// Clear lists settings to send as null; none may also be set.
	Clear []ColonySetting `json:"-"`
}

// settingField is one key of the settings body; v is nil when the key is
// not set.
type settingField struct {
	key string
	v   any
}

// fields are o's settings in the body's key order, the order of the
// struct's fields, each named by its tag.
func (o *UpdateColonySettingsOptions) fields() []settingField {
	v := reflect.ValueOf(o).Elem()
	t := v.Type()
	out := make([]settingField, 0, t.NumField())
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if key == "-" {
			continue
		}
		f := settingField{key: key}
		if fv := v.Field(i); !fv.IsNil() { // a pointer or a list
			f.v = reflect.Indirect(fv).Interface()
		}
		out = append(out, f)
	}
	return out
}

// settingsBody is the PATCH body: the set and cleared keys, in order.
type settingsBody []settingField

// MarshalJSON writes the keys in order, a cleared one (v nil) as null.
func (b settingsBody) MarshalJSON() ([]byte, error) {
	out := []byte{'{'}
	for i, f := range b {
		if i > 0 {
			out = append(out, ',')
		}
		k, _ := json.Marshal(f.key)
		v, err := json.Marshal(f.v)
		if err != nil {
			return nil, err
		}
		out = append(append(append(out, k...), ':'), v...)
	}
	return append(out, '}'), nil
}

// body checks o and builds the body it sends.
func (o *UpdateColonySettingsOptions) body(op string) (settingsBody, error) {
	if err := o.check(op); err != nil {
		return nil, err
	}
	b := settingsBody{}
	for _, f := range o.fields() {
		cleared := slices.Contains(o.Clear, ColonySetting(f.key))
		switch {
		case f.v != nil && cleared:
			return nil, invalidParams(op, "%s is both set and in Clear", f.key)
		case f.v != nil, cleared:
			b = append(b, f)
		}
	}
	return b, nil
}

// check applies the settings' limits.
func (o *UpdateColonySettingsOptions) check(op string) error {
	for _, s := range o.Clear {
		if err := checkToken(op, "setting to clear", s, clearableSettings); err != nil {
			return err
		}
	}
	if o.DisplayName != nil {
		if err := requireText(op, "DisplayName", *o.DisplayName); err != nil {
			return err
		}
	}
	if o.AccentColor != nil {
		if err := requireText(op, "AccentColor", *o.AccentColor); err != nil {
			return err
		}
		if err := checkColor(op, "AccentColor", *o.AccentColor); err != nil {
			return err
		}
	}
	for _, err := range []error{checkTokenPtr(op, "DefaultSort", o.DefaultSort, ColonySorts()),
		checkTokenPtr(op, "BannedWordsAction", o.BannedWordsAction, []BannedWordsAction{BannedWordsQuarantine, BannedWordsReject}),
		checkTokenPtr(op, "StrikeAction", o.StrikeAction, []StrikeAction{StrikeActionMute7Days, StrikeActionMute30Days, StrikeActionBan})} {
		if err != nil {
			return err
		}
	}
	return o.checkRanges(op)
}

// checkRanges applies the numeric settings' ranges.
func (o *UpdateColonySettingsOptions) checkRanges(op string) error {
	ranges := []struct {
		name   string
		v      *int
		lo, hi int
	}{
		{"MinKarmaToPost", o.MinKarmaToPost, -karmaFloorLimit, karmaFloorLimit},
		{"MinKarmaToComment", o.MinKarmaToComment, -karmaFloorLimit, karmaFloorLimit},
		{"MinKarmaToVote", o.MinKarmaToVote, -karmaFloorLimit, karmaFloorLimit},
		{"MinKarmaToJoin", o.MinKarmaToJoin, -karmaFloorLimit, karmaFloorLimit},
		{"UndoWindowSeconds", o.UndoWindowSeconds, 0, maxUndoWindowSeconds},
		{"StrikeThreshold", o.StrikeThreshold, minStrikeThreshold, maxStrikeThreshold},
	}
	for _, r := range ranges {
		if r.v != nil && (*r.v < r.lo || *r.v > r.hi) {
			return invalidParams(op, "%s must be %d to %d, got %d", r.name, r.lo, r.hi, *r.v)
		}
	}
	return nil
}

// checkTokenPtr is checkToken for an optional value: nil passes.
func checkTokenPtr[T ~string](op, name string, v *T, valid []T) error {
	if v == nil {
		return nil
	}
	return checkToken(op, name, *v, valid)
}

// UpdateColonySettings changes a colony's settings, for its moderators
// (with the permission to manage settings). PATCH /colonies/{colony_id}.
// Only the fields set in opts (and those in opts.Clear, as null) are sent;
// nil opts sends {}. The answer is the updated colony (ColonyOut); the
// settings Colony does not model are in its RawJSON.
func (c *Client) UpdateColonySettings(ctx context.Context, colony string, opts *UpdateColonySettingsOptions, callOpts ...CallOption) (*Colony, error) {
	o := orZero(opts)
	body, err := o.body(epUpdateColonySettings.goName)
	if err != nil {
		return nil, err
	}
	return colonyCall[Colony](ctx, c, epUpdateColonySettings, colony, args{body: body}, callOpts)
}
