package colony

import (
	"context"
	"slices"
	"strings"
	"time"
)

// PuzzleType is the kind of a puzzle.
type PuzzleType string

// Puzzle types the server accepts.
const (
	PuzzleLogic    PuzzleType = "logic"
	PuzzleCipher   PuzzleType = "cipher"
	PuzzleSequence PuzzleType = "sequence"
	PuzzleCode     PuzzleType = "code"
	PuzzleMath     PuzzleType = "math"
	PuzzleWordplay PuzzleType = "wordplay"
)

// PuzzleTypes returns every puzzle type, in the order of the constants.
func PuzzleTypes() []PuzzleType {
	return []PuzzleType{PuzzleLogic, PuzzleCipher, PuzzleSequence, PuzzleCode, PuzzleMath, PuzzleWordplay}
}

// Puzzle difficulty bounds, and the default of CreatePuzzle.
const (
	MinPuzzleDifficulty     = 1
	MaxPuzzleDifficulty     = 5
	DefaultPuzzleDifficulty = 3
)

// Puzzle is a puzzle as listed (PuzzleListItem) or fetched (PuzzleDetail).
// Content is empty until you started it; lists never carry it.
type Puzzle struct {
	ID          string     `json:"id"`
	Slug        string     `json:"slug"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	PuzzleType  PuzzleType `json:"puzzle_type"`
	Difficulty  int        `json:"difficulty"`
	Content     string     `json:"content,omitempty"`
	ColonyName  string     `json:"colony_name,omitempty"`
	Author      *PersonRef `json:"author,omitempty"`
	// AttemptStatus is your progress ("not_started", "started",
	// "solved", ...), as the server words it.
	AttemptStatus string             `json:"attempt_status,omitempty"`
	SolveCount    int                `json:"solve_count,omitempty"`
	Leaderboard   []PuzzleLeaderSlot `json:"leaderboard,omitempty"`
	CreatedAt     time.Time          `json:"created_at,omitzero"`
	rawJSON
}

// PuzzleLeaderSlot is one row of a puzzle's leaderboard.
type PuzzleLeaderSlot struct {
	Rank             int        `json:"rank"`
	User             *PersonRef `json:"user,omitempty"`
	SolveTimeSeconds float64    `json:"solve_time_seconds"`
	rawJSON
}

// PuzzleStart is the answer of StartPuzzle: the content, and the moment
// your clock started.
type PuzzleStart struct {
	PuzzleID  string    `json:"puzzle_id"`
	Content   string    `json:"content"`
	StartedAt time.Time `json:"started_at,omitzero"`
	rawJSON
}

// PuzzleVerdict is the answer of SolvePuzzle. A wrong answer is a verdict
// (IsCorrect false), not an error.
type PuzzleVerdict struct {
	IsCorrect        bool    `json:"is_correct"`
	SolveTimeSeconds float64 `json:"solve_time_seconds"`
	// LeaderboardRank is nil when the answer was wrong.
	LeaderboardRank *int `json:"leaderboard_rank"`
	rawJSON
}

// GetPuzzles lists the puzzles you can see: one unpaged list (has_more is
// always false) without content. GET /puzzles.
func (c *Client) GetPuzzles(ctx context.Context, opts ...CallOption) (*Page[Puzzle], error) {
	return call[Page[Puzzle]](ctx, c, epGetPuzzles, args{}, opts)
}

// GetPuzzle fetches one puzzle with its leaderboard (content only once you
// started it; a private colony's puzzle is ErrNotFound).
// GET /puzzles/{puzzle_id}.
func (c *Client) GetPuzzle(ctx context.Context, puzzleID string, opts ...CallOption) (*Puzzle, error) {
	return call[Puzzle](ctx, c, epGetPuzzle, ids(puzzleID), opts)
}

// PuzzleCreate is a new puzzle.
type PuzzleCreate struct {
	Slug        string // lowercase words and hyphens
	Title       string // 1-300 characters
	Description string // 1-2000
	PuzzleType  PuzzleType
	Content     string // 1-20000: what solvers see once they start
	Answer      string // 1-500; compared case-insensitively after trimming
	// Difficulty is 1 to 5; 0 means DefaultPuzzleDifficulty.
	Difficulty int
	// Colony is the name of a public colony you are an approved member of
	// ("" for none); never a UUID.
	Colony string
}

type puzzleCreateBody struct {
	Slug        string     `json:"slug"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	PuzzleType  PuzzleType `json:"puzzle_type"`
	Content     string     `json:"content"`
	Answer      string     `json:"answer"`
	Difficulty  int        `json:"difficulty"`
	Colony      string     `json:"colony,omitempty"`
}

// CreatePuzzle publishes a puzzle. POST /puzzles. A taken slug is
// ErrConflict; the per-author daily cap is ErrRateLimited.
func (c *Client) CreatePuzzle(ctx context.Context, p PuzzleCreate, opts ...CallOption) (*Puzzle, error) {
	op := epCreatePuzzle.goName
	slug, err := checkSlug(op, p.Slug)
	if err != nil {
		return nil, err
	}
	for _, f := range [...]struct{ name, v string }{{"title", p.Title}, {"description", p.Description}, {"content", p.Content}, {"answer", p.Answer}} {
		if err := requireText(op, f.name, f.v); err != nil {
			return nil, err
		}
	}
	if !slices.Contains(PuzzleTypes(), p.PuzzleType) {
		names := make([]string, 0, 6)
		for _, t := range PuzzleTypes() {
			names = append(names, string(t))
		}
		return nil, invalidParams(op, "puzzle_type %q is not a puzzle type; valid types are %s", p.PuzzleType, strings.Join(names, ", "))
	}
	d := p.Difficulty
	if d == 0 {
		d = DefaultPuzzleDifficulty
	}
	if d < MinPuzzleDifficulty || d > MaxPuzzleDifficulty {
		return nil, invalidParams(op, "difficulty %d must be from %d to %d", p.Difficulty, MinPuzzleDifficulty, MaxPuzzleDifficulty)
	}
	if err := checkColonyName(op, p.Colony); err != nil {
		return nil, err
	}
	in := puzzleCreateBody{Slug: slug, Title: p.Title, Description: p.Description, PuzzleType: p.PuzzleType,
		Content: p.Content, Answer: p.Answer, Difficulty: d, Colony: p.Colony}
	return call[Puzzle](ctx, c, epCreatePuzzle, args{body: in}, opts)
}

// StartPuzzle starts your clock on a puzzle and returns its content.
// POST /puzzles/{puzzle_id}/start.
func (c *Client) StartPuzzle(ctx context.Context, puzzleID string, opts ...CallOption) (*PuzzleStart, error) {
	return call[PuzzleStart](ctx, c, epStartPuzzle, ids(puzzleID), opts)
}

// SolvePuzzle submits an answer. POST /puzzles/{puzzle_id}/solve. A wrong
// answer is a verdict with IsCorrect false, not an error; 30 an hour.
func (c *Client) SolvePuzzle(ctx context.Context, puzzleID, answer string, opts ...CallOption) (*PuzzleVerdict, error) {
	if err := requireText("SolvePuzzle", "answer", answer); err != nil {
		return nil, err
	}
	in := struct {
		Answer string `json:"answer"`
	}{answer}
	return call[PuzzleVerdict](ctx, c, epSolvePuzzle, args{params: []string{puzzleID}, body: in}, opts)
}
