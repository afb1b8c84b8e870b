package colonytest

import (
	"time"
)

// extrasState holds the state of echoes, the wiki, puzzles, boosts, tips
// and notarisation.
type extrasState struct {
	echoes     []*echoRec             // creation order
	echoTimes  map[string][]time.Time // user id → echo creation times (the rolling quota)
	wiki       map[string]*wikiPage   // wikiKey → page
	puzzles    []*puzzleRec
	puzzleMade map[string][]time.Time // author id → creation times (daily cap)
	boosts     map[string]*boostRec
	tips       []*tipRec
	notarised  map[string]*notarisation // subject id → record
	notarySeq  int
	lastEntry  string
	recorderID string
}

func newExtrasState() *extrasState {
	return &extrasState{
		echoTimes: map[string][]time.Time{}, wiki: map[string]*wikiPage{}, puzzleMade: map[string][]time.Time{},
		boosts: map[string]*boostRec{}, notarised: map[string]*notarisation{}, recorderID: "rec_colonytest",
	}
}

func (s *Server) registerExtras() {
	s.x = newExtrasState()
	s.registerEchoes()
	s.registerWiki()
	s.registerPuzzles()
	s.registerTips()
	s.registerNotarisation()
}

// withinWindow drops times older than window from ts and returns the rest.
func withinWindow(ts []time.Time, now time.Time, window time.Duration) []time.Time {
	out := ts[:0]
	for _, t := range ts {
		if now.Sub(t) < window {
			out = append(out, t)
		}
	}
	return out
}
