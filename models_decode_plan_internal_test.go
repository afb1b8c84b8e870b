package colony

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// planProbe has a field of every kind the plan reads, fallbacks, a
// self-reference and a type it leaves to encoding/json.
type planProbe struct {
	ID       string             `json:"id" fallback:"probe_id,legacy_id"`
	Kind     PostType           `json:"kind"`
	N        int                `json:"n" fallback:"count"`
	Big      int64              `json:"big"`
	F        float64            `json:"f"`
	B        bool               `json:"b"`
	NP       *int               `json:"np"`
	BP       *bool              `json:"bp"`
	FP       *float64           `json:"fp"`
	SP       *string            `json:"sp"`
	IP64     *int64             `json:"ip64"`
	At       time.Time          `json:"at"`
	AtP      *time.Time         `json:"at_p"`
	Tags     []string           `json:"tags"`
	Kinds    []PostType         `json:"kinds"`
	Meta     map[string]any     `json:"meta"`
	Counts   map[string]int     `json:"counts"`
	Any      any                `json:"any"`
	Raw      json.RawMessage    `json:"raw"`
	Child    *planProbe         `json:"child"`
	Children []planProbe        `json:"children"`
	Person   *PersonRef         `json:"person"`
	Floats   map[string]float64 `json:"floats"`
	Skipped  string             `json:"-"`
	Untagged string
	rawJSON
}

func decodeProbe(t *testing.T, body string) (*planProbe, error) {
	t.Helper()
	var p planProbe
	err := decodeModel([]byte(body), &p)
	return &p, err
}

func TestFieldPlanReadsEveryKind(t *testing.T) {
	body := `{"id":"p1","kind":"poll","n":3,"big":9007199254740993,"f":1.5,"b":true,"np":7,"bp":false,"fp":2.5,"sp":"s","ip64":-4,
	"at":"2026-01-02T03:04:05Z","at_p":"2026-01-02T03:04:05Z","tags":["a","b"],"kinds":["poll","finding"],
	"meta":{"k":[1,"x"]},"counts":{"spam":2},"any":null,"raw":{"x":1},"child":{"id":"c","child":{"id":"gc"}},
	"children":[{"id":"k1"},{"id":"k2","n":2}],"person":"alice","floats":{"x":0.5},
	"Skipped":"no","Untagged":"no","unknown":{"deep":[1,2,3]}}`
	p, err := decodeProbe(t, body)
	require.NoError(t, err)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	assert.Equal(t, "p1", p.ID)
	assert.Equal(t, PostTypePoll, p.Kind)
	assert.Equal(t, 3, p.N)
	assert.Equal(t, int64(9007199254740993), p.Big, "int64 without a float detour")
	assert.Equal(t, 1.5, p.F)
	assert.True(t, p.B)
	assert.Equal(t, 7, *p.NP)
	assert.False(t, *p.BP)
	assert.Equal(t, 2.5, *p.FP)
	assert.Equal(t, "s", *p.SP)
	assert.Equal(t, int64(-4), *p.IP64)
	assert.True(t, at.Equal(p.At))
	assert.True(t, at.Equal(*p.AtP))
	assert.Equal(t, []string{"a", "b"}, p.Tags)
	assert.Equal(t, []PostType{PostTypePoll, PostTypeFinding}, p.Kinds)
	assert.Equal(t, map[string]any{"k": []any{1.0, "x"}}, p.Meta)
	assert.Equal(t, map[string]int{"spam": 2}, p.Counts)
	assert.Nil(t, p.Any)
	assert.JSONEq(t, `{"x":1}`, string(p.Raw))
	require.NotNil(t, p.Child)
	assert.Equal(t, "c", p.Child.ID)
	require.NotNil(t, p.Child.Child, "a type may contain itself")
	assert.Equal(t, "gc", p.Child.Child.ID)
	assert.JSONEq(t, `{"id":"gc"}`, string(p.Child.Child.RawJSON()), "a nested model keeps its own bytes")
	require.Len(t, p.Children, 2)
	assert.Equal(t, 2, p.Children[1].N)
	assert.JSONEq(t, `{"id":"k2","n":2}`, string(p.Children[1].RawJSON()))
	require.NotNil(t, p.Person)
	assert.Equal(t, "alice", p.Person.Username, "a stringForm reads a bare string")
	assert.Equal(t, map[string]float64{"x": 0.5}, p.Floats, "a type without a read of its own goes through encoding/json")
	assert.Empty(t, p.Skipped, `"-" is not read`)
	assert.Empty(t, p.Untagged, "an untagged field is not read")
	assert.JSONEq(t, body, string(p.RawJSON()))
}

func TestFieldPlanEmptyAndNull(t *testing.T) {
	p, err := decodeProbe(t, `{"tags":[],"kinds":[],"children":[],"counts":null,"child":null,"np":null,"fp":null,"sp":null,"ip64":null,"person":5,"meta":null}`)
	require.NoError(t, err)
	assert.NotNil(t, p.Tags, "[] is an empty list, not nil")
	assert.NotNil(t, p.Kinds)
	assert.NotNil(t, p.Children)
	assert.Empty(t, p.Children)
	assert.Nil(t, p.Counts)
	assert.Nil(t, p.Child)
	assert.Nil(t, p.NP)
	assert.Nil(t, p.FP)
	assert.Nil(t, p.SP)
	assert.Nil(t, p.IP64)
	assert.Nil(t, p.Person, "a number is no person")
	assert.Nil(t, p.Meta)
}

func TestFieldPlanFallbacks(t *testing.T) {
	for _, tc := range []struct {
		name, body, id string
		n              int
	}{
		{"main key only", `{"id":"main"}`, "main", 0},
		{"fallback only", `{"probe_id":"alt","count":4}`, "alt", 4},
		{"main wins when it comes first", `{"id":"main","probe_id":"alt"}`, "main", 0},
		{"main wins when it comes last", `{"probe_id":"alt","id":"main"}`, "main", 0},
		{"a zero main key leaves room for the fallback", `{"probe_id":"alt","id":""}`, "alt", 0},
		{"the first fallback is preferred", `{"legacy_id":"second","probe_id":"first"}`, "first", 0},
		{"the second fallback fills in", `{"legacy_id":"second"}`, "second", 0},
		{"a fallback of the wrong type is ignored", `{"probe_id":5,"count":"x"}`, "", 0},
		{"a fallback does not undo a main count", `{"n":2,"count":9}`, "", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := decodeProbe(t, tc.body)
			require.NoError(t, err, "fallback keys are lenient")
			assert.Equal(t, tc.id, p.ID)
			assert.Equal(t, tc.n, p.N)
		})
	}
}

func TestFieldPlanTypeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, body string
	}{
		{"string where an int goes", `{"n":"3"}`},
		{"string where a *float64 goes", `{"fp":"3"}`},
		{"object where a string goes", `{"id":{}}`},
		{"number in a string list", `{"tags":[1]}`},
		{"string where a nested model goes, in a list", `{"children":["x"]}`},
		{"wrong type inside a type encoding/json reads", `{"floats":{"x":"y"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeProbe(t, tc.body)
			require.Error(t, err, "a strict model refuses a value of the wrong type")
			var p planProbe
			require.NoError(t, decodeLenient([]byte(tc.body), &p), "a lenient one leaves the field zero")
		})
	}
	_, err := decodeProbe(t, `{"id":"x",}`)
	require.Error(t, err, "malformed JSON always fails")
}

// wrapperProbe is an envelope without raw JSON whose UnmarshalJSON is the
// plan's: reading it must not loop back into its UnmarshalJSON.
type wrapperProbe struct {
	Inner *planProbe `json:"inner"`
}

func (w *wrapperProbe) UnmarshalJSON(b []byte) error { return unmarshalLenient(b, w) }

func TestFieldPlanEnvelopeWithItsOwnUnmarshalJSON(t *testing.T) {
	var w wrapperProbe
	require.NoError(t, json.Unmarshal([]byte(`{"inner":{"id":"x"}}`), &w), "as itself")
	require.NotNil(t, w.Inner)
	assert.Equal(t, "x", w.Inner.ID)
	var holder struct {
		Items []wrapperProbe `json:"items"`
		rawJSON
	}
	require.NoError(t, decodeModel([]byte(`{"items":[{"inner":{"id":"y"}},{"inner":null}]}`), &holder), "nested, through its UnmarshalJSON")
	require.Len(t, holder.Items, 2)
	assert.Equal(t, "y", holder.Items[0].Inner.ID)
	assert.Nil(t, holder.Items[1].Inner)
}

func TestFieldPlanFlatTwins(t *testing.T) {
	for _, tc := range []struct {
		name, body, id, username string
	}{
		{"nested only", `{"author":{"id":"u1","username":"al"}}`, "u1", "al"},
		{"flat only", `{"author_id":"u2","author_username":"bo"}`, "u2", "bo"},
		{"nested wins, flat first", `{"author_id":"u2","author":{"id":"u1","username":"al"}}`, "u1", "al"},
		{"flat fills what nested lacks", `{"author":{"id":"u1"},"author_username":"bo"}`, "u1", "bo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p Post
			require.NoError(t, decodeModel([]byte(tc.body), &p))
			assert.Equal(t, tc.id, p.Author.ID)
			assert.Equal(t, tc.username, p.Author.Username)
		})
	}
}

func TestFieldPlanFlatTwinsOfAPointer(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       *User
	}{
		{"none", `{"id":"m"}`, nil},
		{"empty twins make nothing", `{"recipient_id":"","recipient_username":""}`, nil},
		{"twins make the user", `{"recipient_id":"u9","recipient_username":"cy"}`, &User{ID: "u9", Username: "cy"}},
		{"the object wins", `{"recipient_username":"cy","recipient":{"id":"u1","username":"al"}}`, &User{ID: "u1", Username: "al"}},
		{"twins fill what the object lacks", `{"recipient":{"id":"u1"},"recipient_username":"cy"}`, &User{ID: "u1", Username: "cy"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m Message
			require.NoError(t, decodeModel([]byte(tc.body), &m))
			if tc.want == nil {
				assert.Nil(t, m.Recipient)
				return
			}
			require.NotNil(t, m.Recipient)
			assert.Equal(t, tc.want.ID, m.Recipient.ID)
			assert.Equal(t, tc.want.Username, m.Recipient.Username)
		})
	}
}
