package colony_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// peopleVectorFile is the part of testdata/vectors.json the webhook and
// validator tests use.
type peopleVectorFile struct {
	Webhook []struct {
		Name            string `json:"name"`
		Payload         string `json:"payload"`
		PayloadUTF8Hex  string `json:"payload_utf8_hex"`
		Secret          string `json:"secret"`
		HMACSHA256Hex   string `json:"hmac_sha256_hex"`
		SignatureHeader string `json:"signature_header"`
		ExpectedValid   bool   `json:"expected_valid"`
	} `json:"webhook"`
	Validator []struct {
		Fn       string          `json:"fn"`
		Input    string          `json:"input"`
		Source   string          `json:"source"`
		Note     string          `json:"note"`
		Expected json.RawMessage `json:"expected"`
	} `json:"validator"`
}

func loadPeopleVectors(t *testing.T) peopleVectorFile {
	return colony.ReadJSONFile[peopleVectorFile](t, "testdata/vectors.json")
}

// validatorExpectation is the expected value of a validator vector: a bool,
// a string, or {ok, content|reason}.
type validatorExpectation struct {
	OK      bool   `json:"ok"`
	Content string `json:"content"`
	Reason  string `json:"reason"`
}

func TestValidatorVectors(t *testing.T) {
	vec := loadPeopleVectors(t)
	// The file holds the 83 vectors asserted by the Python and JS test
	// suites; behaviour.md §7.5 counts 181 with 98 computed ones, which
	// the repository copy does not carry (their examples are transcribed
	// in TestValidatorSpecExamples).
	require.Len(t, vec.Validator, 83)
	counts := map[string]int{}
	for _, v := range vec.Validator {
		counts[v.Fn]++
		switch v.Fn {
		case "looks_like_model_error":
			var want bool
			require.NoError(t, json.Unmarshal(v.Expected, &want))
			assert.Equal(t, want, colony.LooksLikeModelError(v.Input), "LooksLikeModelError(%q) %s", v.Input, v.Note)
		case "strip_llm_artifacts":
			var want string
			require.NoError(t, json.Unmarshal(v.Expected, &want))
			assert.Equal(t, want, colony.StripLLMArtifacts(v.Input), "StripLLMArtifacts(%q) %s", v.Input, v.Note)
		case "validate_generated_output":
			var want validatorExpectation
			require.NoError(t, json.Unmarshal(v.Expected, &want))
			got := colony.ValidateGeneratedOutput(v.Input)
			assert.Equal(t, colony.ValidationResult{OK: want.OK, Content: want.Content, Reason: colony.RejectReason(want.Reason)},
				got, "ValidateGeneratedOutput(%q) %s", v.Input, v.Note)
		default:
			t.Fatalf("unknown validator function %q", v.Fn)
		}
	}
	assert.Equal(t, map[string]int{"looks_like_model_error": 41, "strip_llm_artifacts": 33, "validate_generated_output": 9}, counts)
}

// TestValidatorSpecExamples holds the computed examples of behaviour.md
// §7.1–§7.5 and the Unicode cases of §7.4, each checked against Python
// 1.14.1's output_validator with python3 3.11.
func TestValidatorSpecExamples(t *testing.T) {
	lme := []struct {
		in   string
		want bool
	}{
		{"Error", false},
		{"error:no-space", false},
		{"Errors: many of them", false},
		{"Timeouts are a fact of life in distributed systems.", true},
		{"I'm sorry, it is late here.", true},
		{"I\u2019m sorry, but no", false}, // curly apostrophe
		{"Note: Error generating text", false},
		{"Timeout" + strings.Repeat("x", 493), true},  // 500 code points
		{"Timeout" + strings.Repeat("x", 494), false}, // 501
		{"Timeout" + strings.Repeat("🐡", 493), true},  // code points, not bytes
		{strings.Repeat("🐡", 500), false},
		{"  \u3000Error occurred", true},
		// Python's str.strip and \s cover 29 code points; RE2's \s six.
		{"\x1cError generating text\x1c", true},
		{"error:\u00a0boom", true},
		{"error:\vboom", true},
		// Python's IGNORECASE i also matches İ and ı; ſ matches s.
		{"\u0130nternal error", true},
		{"\u0131nternal error", true},
		{"\u017fervice unavailable", true},
	}
	for _, c := range lme {
		assert.Equal(t, c.want, colony.LooksLikeModelError(c.in), "LooksLikeModelError(%q)", c.in)
	}
	strip := []struct{ in, want string }{
		{"AI-generated content is everywhere now", "generated content is everywhere now"},
		{"Model-based RL", "based RL"},
		{"Agent: Assistant: hi", "Assistant: hi"},
		{"Sure, let me explain. The answer is 42.", "The answer is 42."},
		{"Sure, herein lies the answer. 42", "42"},
		{"Sure, here's the post\nBody. More", "Sure, here's the post\nBody. More"},
		{"Sure, here's the post: Assistant: hi", "Assistant: hi"},
		{"Here's another thing: x", "x"},
		{"Here are some thoughts", "Here are some thoughts"},
		{"<|im_start|>assistant\nHello there<|im_end|>", "assistant\nHello there"},
		{"[TOOL]x[/TOOL]", "[TOOL]x[/TOOL]"},
		{"<||>x", "<||>x"},
		{"<s >hi", "<s >hi"},
		{"hel<s>lo", "hello"},
		{"<<s>|x|>", ""}, // the removals run one after another
		{"\x1cAssistant:\u00a0hi\x1c", "hi"},
		{"Assistant:\vhi", "hi"},
		{"Ok. \u0130'll do it: done", "done"},
	}
	for _, c := range strip {
		assert.Equal(t, c.want, colony.StripLLMArtifacts(c.in), "StripLLMArtifacts(%q)", c.in)
	}
	validate := []struct {
		in   string
		want colony.ValidationResult
	}{
		{"Response:", colony.ValidationResult{Reason: colony.RejectEmpty}},
		{"[INST][/INST]", colony.ValidationResult{Reason: colony.RejectEmpty}},
		{"Sure, here's the post: Error generating text", colony.ValidationResult{Reason: colony.RejectModelError}},
		{"<|im_start|>assistant\nError generating text<|im_end|>", colony.ValidationResult{OK: true, Content: "assistant\nError generating text"}},
		{"Error generating text " + strings.Repeat("y", 490), colony.ValidationResult{OK: true, Content: "Error generating text " + strings.Repeat("y", 490)}},
		{"\u0130 apologize, but no", colony.ValidationResult{Reason: colony.RejectModelError}},
	}
	for _, c := range validate {
		assert.Equal(t, c.want, colony.ValidateGeneratedOutput(c.in), "ValidateGeneratedOutput(%q)", c.in)
	}
}

// FuzzStripLLMArtifacts checks the validator never panics, never grows its
// input, and that ValidateGeneratedOutput agrees with its two parts.
func FuzzStripLLMArtifacts(f *testing.F) {
	for _, s := range []string{"", "<s>Assistant: Sure, here's the post: Hello!</s>", "Error generating text.",
		"\u0130nternal error", "<|im_start|>x<|im_end|>", "\xff\xfe<s>", "Sure, here's\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := colony.StripLLMArtifacts(in)
		if len(out) > len(in) {
			t.Fatalf("output %q longer than input %q", out, in)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("valid UTF-8 %q became invalid %q", in, out)
		}
		_ = colony.LooksLikeModelError(in)
		v := colony.ValidateGeneratedOutput(in)
		switch {
		case out == "":
			if v != (colony.ValidationResult{Reason: colony.RejectEmpty}) {
				t.Fatalf("empty strip gave %+v", v)
			}
		case colony.LooksLikeModelError(out):
			if v != (colony.ValidationResult{Reason: colony.RejectModelError}) {
				t.Fatalf("model error gave %+v", v)
			}
		default:
			if v != (colony.ValidationResult{OK: true, Content: out}) {
				t.Fatalf("ok text gave %+v", v)
			}
		}
	})
}
