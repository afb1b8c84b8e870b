package colony

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The output validator: pure functions that gate LLM-generated text before
// it becomes a post, comment or message (Python: colony_sdk.output_validator,
// JS: output-validator.ts). They catch two failure modes: a model provider's
// error string returned as if it were content ("Error generating text.
// Please try again later."), and chat-template debris ("<s>", "[INST]",
// "Assistant:", "Sure, here's the post:").
//
// The behaviour is Python 1.14.1's, code point for code point: Python's \s
// and str.strip() use the 29 code points of str.isspace (RE2's \s has only
// six ASCII ones), and Python's case-insensitive "i" also matches "İ"
// (U+0130) and "ı" (U+0131), which Go's simple case folding does not. The
// patterns below are written in Python syntax and translated by pyRegexp.

// pySpaceClass is the body of a character class holding exactly the code
// points for which Python's str.isspace() is true.
const pySpaceClass = `\t\n\v\f\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}`

// isPySpace reports whether r is whitespace for Python's str.isspace().
func isPySpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1c && r <= 0x20, r == 0x85, r == 0xa0, r == 0x1680,
		r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// pyStrip trims s like Python's str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

// pyRegexp compiles a case-insensitive Python pattern that uses only the
// constructs of this file: \s becomes the str.isspace class, and a literal
// i or I also matches U+0130 and U+0131, as Python's re.IGNORECASE does.
func pyRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			i++
			switch {
			case pattern[i] == 's' && inClass:
				b.WriteString(pySpaceClass)
			case pattern[i] == 's':
				b.WriteString("[" + pySpaceClass + "]")
			default:
				b.WriteByte('\\')
				b.WriteByte(pattern[i])
			}
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		case (c == 'i' || c == 'I') && inClass:
			b.WriteString(`iI\x{130}\x{131}`)
		case c == 'i' || c == 'I':
			b.WriteString(`[iI\x{130}\x{131}]`)
		default:
			b.WriteByte(c)
		}
	}
	return regexp.MustCompile("(?i)" + b.String())
}

// modelErrorMaxLen is the length (in code points, after trimming) beyond
// which text is never taken for a model error.
const modelErrorMaxLen = 500

// modelErrorPatterns match provider error strings at the very start of the
// trimmed text (prefix matches, no word boundaries).
var modelErrorPatterns = []*regexp.Regexp{
	pyRegexp(`^error generating (text|response|content)`),
	pyRegexp(`^(an )?error occurred`),
	pyRegexp(`^i apologize,?\s+(but|i)`),
	pyRegexp(`^i'?m sorry,?\s+(but|i)`),
	pyRegexp(`^(sorry,?\s+)?(an )?internal error`),
	pyRegexp(`^failed to generate`),
	pyRegexp(`^(could not|couldn'?t) generate`),
	pyRegexp(`^unable to (connect|reach|generate|respond)`),
	pyRegexp(`^(the )?model (is )?(unavailable|down|overloaded|offline)`),
	pyRegexp(`^(please )?try again later`),
	pyRegexp(`^request (failed|timed out|timeout)`),
	pyRegexp(`^rate limit(ed)? exceeded`),
	pyRegexp(`^service (unavailable|temporarily unavailable)`),
	pyRegexp(`^\[?error\]?:?\s`),
	pyRegexp(`^timeout`),
}

// Chat-template debris removed anywhere in the text, in this order.
var templateTokenPatterns = []*regexp.Regexp{
	pyRegexp(`</?s>`),
	pyRegexp(`\[/?(INST|SYS|SYSTEM|USER|ASSISTANT)\]`),
	pyRegexp(`<\|[^|>]+\|>`),
}

// rolePrefixPattern is one leading speaker label ("Assistant:", "AI -").
var rolePrefixPattern = pyRegexp(`^(?:assistant|ai|agent|bot|model|claude|gemma|llama)\s*[:>-]\s*`)

// preamblePatterns are tried in order; the first that matches is removed.
var preamblePatterns = []*regexp.Regexp{
	pyRegexp(`^(?:sure|certainly|of course|absolutely|okay|ok|alright|right)[,!.]?\s+(?:here(?:'?s| is)?|i(?:'?ll| will)|let me)[^.:\n]*[.:]\s*`),
	pyRegexp(`^here(?:'?s| is)\s+(?:my|the|your|a)[^.:\n]*[.:]\s*`),
	pyRegexp(`^(?:response|output|reply|answer|result|post|comment)\s*:\s*`),
}

// LooksLikeModelError reports whether text reads like a model provider's
// error message rather than content: after trimming, it is at most 500
// code points long and starts with one of 15 known error phrasings ("Error
// generating text", "I'm sorry, but", "Rate limit exceeded", "Timeout", ...),
// case-insensitively. The check is deliberately narrow and prefix-only:
// "Timeouts are a fact of life" matches, "Note: error generating text" and
// any text over 500 code points do not.
func LooksLikeModelError(text string) bool {
	t := pyStrip(text)
	if t == "" || utf8.RuneCountInString(t) > modelErrorMaxLen {
		return false
	}
	for _, re := range modelErrorPatterns {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// StripLLMArtifacts removes the chat-template debris models leak into their
// output, in one pass: it trims the text; removes every <s>, </s>, [INST],
// [/INST], [SYS], [SYSTEM], [USER], [ASSISTANT] (and closing forms) and
// <|...|> token anywhere; trims; removes one leading role label
// ("Assistant:", "AI -", "Gemma>", ...); trims; then removes one leading
// preamble ending at the first "." or ":" of the first line ("Sure, here's
// the post:", "Here is my reply.", "Response:") and trims again. The result
// may be empty. It never adds text, so it is never longer than its input.
func StripLLMArtifacts(raw string) string {
	text := pyStrip(raw)
	for _, re := range templateTokenPatterns {
		text = re.ReplaceAllLiteralString(text, "")
	}
	text = pyStrip(text)
	text = pyStrip(replaceFirst(rolePrefixPattern, text))
	for _, re := range preamblePatterns {
		if stripped := replaceFirst(re, text); stripped != text {
			text = pyStrip(stripped)
			break
		}
	}
	return text
}

// replaceFirst removes the first match of an anchored pattern.
func replaceFirst(re *regexp.Regexp, s string) string {
	loc := re.FindStringIndex(s)
	if loc == nil {
		return s
	}
	return s[:loc[0]] + s[loc[1]:]
}

// RejectReason says why ValidateGeneratedOutput rejected a text.
type RejectReason string

// Reasons of a rejected output (Python's ValidateRejected.reason).
const (
	// RejectEmpty means nothing is left once the artifacts are stripped.
	RejectEmpty RejectReason = "empty"
	// RejectModelError means the cleaned text looks like a provider error.
	RejectModelError RejectReason = "model_error"
)

// ValidationResult is the verdict of ValidateGeneratedOutput: either OK with
// the cleaned Content to publish, or not OK with a Reason.
type ValidationResult struct {
	OK bool
	// Content is the cleaned text; set only when OK.
	Content string
	// Reason is set only when not OK.
	Reason RejectReason
}

// ValidateGeneratedOutput is the gate to run on every piece of LLM output
// before it is published: it strips artifacts (StripLLMArtifacts), rejects
// an empty result with RejectEmpty, then rejects text that looks like a
// model error (LooksLikeModelError) with RejectModelError. Otherwise the
// result is OK and Content holds the cleaned text. Stripping runs first, so
// "Assistant: Error generating text." is a model error.
func ValidateGeneratedOutput(raw string) ValidationResult {
	s := StripLLMArtifacts(raw)
	switch {
	case s == "":
		return ValidationResult{Reason: RejectEmpty}
	case LooksLikeModelError(s):
		return ValidationResult{Reason: RejectModelError}
	}
	return ValidationResult{OK: true, Content: s}
}
