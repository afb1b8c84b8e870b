package colonytest

import (
	"math"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Puzzle rules of the live API.
const (
	puzzleSolvesPerHour = 30
	puzzlesPerDay       = 5
)

var puzzleTypes = []string{"logic", "cipher", "sequence", "code", "math", "wordplay"}

type puzzleRec struct {
	ID          string
	Slug        string
	Title       string
	Description string
	Type        string
	Content     string
	Answer      string
	Difficulty  int
	Colony      string
	AuthorID    string
	CreatedAt   time.Time
	started     map[string]time.Time // user id → when their clock started
	solved      map[string]float64   // user id → solve time in seconds
}

func (s *Server) registerPuzzles() {
	s.route("GET /puzzles", s.handleListPuzzles)
	s.route("POST /puzzles", s.handleCreatePuzzle)
	s.route("GET /puzzles/{puzzle_id}", s.handleGetPuzzle)
	s.route("POST /puzzles/{puzzle_id}/start", s.handleStartPuzzle)
	s.route("POST /puzzles/{puzzle_id}/solve", s.handleSolvePuzzle)
}

func (s *Server) puzzleOf(w http.ResponseWriter, r *http.Request) (*puzzleRec, bool) {
	for _, p := range s.x.puzzles {
		if p.ID == r.PathValue("puzzle_id") {
			return p, true
		}
	}
	writeError(w, http.StatusNotFound, "NOT_FOUND", "Puzzle not found")
	return nil, false
}

func (p *puzzleRec) attemptStatus(u *user) string {
	if _, done := p.solved[u.ID]; done {
		return "solved"
	}
	switch {
	case !p.started[u.ID].IsZero():
		return "started"
	}
	return "not_started"
}

// leaderboard ranks solvers by solve time.
func (s *Server) leaderboard(p *puzzleRec) []map[string]any {
	ids := make([]string, 0, len(p.solved))
	for id := range p.solved {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if p.solved[a] != p.solved[b] {
			return int(math.Copysign(1, p.solved[a]-p.solved[b]))
		}
		return strings.Compare(a, b)
	})
	out := make([]map[string]any, len(ids))
	for i, id := range ids {
		out[i] = map[string]any{"rank": i + 1, "user": s.personRef(id), "solve_time_seconds": p.solved[id]}
	}
	return out
}

func (s *Server) puzzleOut(p *puzzleRec, u *user, detail bool) map[string]any {
	m := map[string]any{"id": p.ID, "slug": p.Slug, "title": p.Title, "description": p.Description, "puzzle_type": p.Type,
		"difficulty": p.Difficulty, "colony_name": nilIfEmpty(p.Colony), "author": s.personRef(p.AuthorID),
		"attempt_status": p.attemptStatus(u), "solve_count": len(p.solved), "created_at": ts(p.CreatedAt)}
	if detail {
		m["leaderboard"] = s.leaderboard(p)
		if !p.started[u.ID].IsZero() {
			m["content"] = p.Content
		}
	}
	return m
}

func (s *Server) handleListPuzzles(w http.ResponseWriter, r *http.Request, u *user) {
	out := []any{}
	for _, p := range slices.Backward(s.x.puzzles) {
		out = append(out, s.puzzleOut(p, u, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(out), "has_more": false})
}

func (s *Server) handleCreatePuzzle(w http.ResponseWriter, r *http.Request, u *user) {
	var in puzzleIn
	if !decodeBody(w, r, &in) {
		return
	}
	d, ok := in.check(w)
	if !ok {
		return
	}
	if in.Colony != "" {
		c := s.colonyByName(in.Colony)
		if c == nil {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Colony not found")
			return
		}
		if !c.members[u.ID] {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "Join the colony before publishing a puzzle in it")
			return
		}
	}
	for _, p := range s.x.puzzles {
		if p.Slug == in.Slug {
			writeError(w, http.StatusConflict, "SLUG_TAKEN", "That puzzle slug is taken")
			return
		}
	}
	now := s.now()
	made := withinWindow(s.x.puzzleMade[u.ID], now, 24*time.Hour)
	if len(made) >= puzzlesPerDay {
		s.x.puzzleMade[u.ID] = made
		w.Header().Set("Retry-After", "86400")
		writeError(w, http.StatusTooManyRequests, "RATE_LIMITED", "You can publish 5 puzzles a day")
		return
	}
	s.x.puzzleMade[u.ID] = append(made, now)
	p := &puzzleRec{ID: newID(), Slug: in.Slug, Title: in.Title, Description: in.Description, Type: in.PuzzleType,
		Content: in.Content, Answer: in.Answer, Difficulty: d, Colony: in.Colony, AuthorID: u.ID, CreatedAt: now,
		started: map[string]time.Time{}, solved: map[string]float64{}}
	s.x.puzzles = append(s.x.puzzles, p)
	writeJSON(w, http.StatusOK, s.puzzleOut(p, u, true))
}

// puzzleIn is the body of POST /puzzles.
type puzzleIn struct {
	Slug        string `json:"slug"`
	Title       string `json:"title"`
	Description string `json:"description"`
	PuzzleType  string `json:"puzzle_type"`
	Content     string `json:"content"`
	Answer      string `json:"answer"`
	Difficulty  *int   `json:"difficulty"`
	Colony      string `json:"colony"`
}

// check answers 422 for what the server refuses, and returns the
// difficulty (3 when unset).
func (in *puzzleIn) check(w http.ResponseWriter) (int, bool) {
	for _, f := range [...]struct {
		name string
		v    string
		max  int
	}{{"title", in.Title, 300}, {"description", in.Description, 2000}, {"content", in.Content, 20000}, {"answer", in.Answer, 500}} {
		if n := utf8.RuneCountInString(strings.TrimSpace(f.v)); n == 0 || n > f.max {
			validationError(w, []string{"body", f.name}, f.name+" has the wrong length")
			return 0, false
		}
	}
	d := 3
	patch(&d, in.Difficulty)
	switch {
	case !slugShape.MatchString(in.Slug):
		validationError(w, []string{"body", "slug"}, "slug must be lowercase words joined by hyphens")
		return 0, false
	case !slices.Contains(puzzleTypes, in.PuzzleType):
		validationError(w, []string{"body", "puzzle_type"}, "unknown puzzle type")
		return 0, false
	case d < 1 || d > 5:
		validationError(w, []string{"body", "difficulty"}, "difficulty must be from 1 to 5")
		return 0, false
	}
	return d, true
}

func (s *Server) handleGetPuzzle(w http.ResponseWriter, r *http.Request, u *user) {
	if p, ok := s.puzzleOf(w, r); ok {
		writeJSON(w, http.StatusOK, s.puzzleOut(p, u, true))
	}
}

// handleStartPuzzle starts the caller's clock on the server's clock; a
// second start keeps the first time.
func (s *Server) handleStartPuzzle(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.puzzleOf(w, r)
	if !ok {
		return
	}
	if p.started[u.ID].IsZero() {
		p.started[u.ID] = s.now()
	}
	writeJSON(w, http.StatusOK, map[string]any{"puzzle_id": p.ID, "content": p.Content, "started_at": ts(p.started[u.ID])})
}

// handleSolvePuzzle judges an answer: a wrong one is a 200 verdict.
func (s *Server) handleSolvePuzzle(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.puzzleOf(w, r)
	if !ok {
		return
	}
	var in struct {
		Answer string `json:"answer"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if strings.TrimSpace(in.Answer) == "" {
		validationError(w, []string{"body", "answer"}, "answer must not be empty")
		return
	}
	start := p.started[u.ID]
	if start.IsZero() {
		writeError(w, http.StatusConflict, "PUZZLE_NOT_STARTED", "Start the puzzle before solving it")
		return
	}
	elapsed := s.now().Sub(start).Seconds()
	if !strings.EqualFold(strings.TrimSpace(in.Answer), strings.TrimSpace(p.Answer)) {
		writeJSON(w, http.StatusOK, map[string]any{"is_correct": false, "solve_time_seconds": elapsed, "leaderboard_rank": nil})
		return
	}
	if _, done := p.solved[u.ID]; !done {
		p.solved[u.ID] = elapsed
	}
	rank := 0
	for _, row := range s.leaderboard(p) {
		if row["user"] != nil && row["user"].(map[string]any)["id"] == u.ID {
			rank = row["rank"].(int)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"is_correct": true, "solve_time_seconds": p.solved[u.ID], "leaderboard_rank": rank})
}
