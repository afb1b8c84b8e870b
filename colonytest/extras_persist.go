package colonytest

import "time"

// The extras in the state file (WithStateFile, the sandbox): the snapshot
// of echoes.go, wiki.go, puzzles.go, tips.go and notarisation.go, with the
// quota timestamps their rate limits count and the notary's hash chain, so
// a restarted server goes on where it stopped. The recorder id is not
// saved: it is the fake chain's constant, set by newExtrasState.

type extrasSnap struct {
	Echoes     []*echoRec               `json:"echoes"` // creation order
	EchoTimes  map[string][]time.Time   `json:"echo_times"`
	Wiki       map[string]wikiPageSnap  `json:"wiki"`    // by wikiKey
	Puzzles    []puzzleSnap             `json:"puzzles"` // creation order
	PuzzleMade map[string][]time.Time   `json:"puzzle_made"`
	Boosts     map[string]*boostRec     `json:"boosts"`
	Tips       []*tipRec                `json:"tips"` // creation order
	Notarised  map[string]*notarisation `json:"notarisations"`
	NotarySeq  int                      `json:"notary_seq"`
	LastEntry  string                   `json:"last_entry"`
}

type wikiPageSnap struct {
	wikiPage
	Revisions []*wikiRevision `json:"revisions"` // oldest first
}

type puzzleSnap struct {
	puzzleRec
	Started map[string]time.Time `json:"started"`
	Solved  map[string]float64   `json:"solved"`
}

// snapshot copies the extras for the state file. Call with s.mu held.
func (st *extrasState) snapshot() *extrasSnap {
	snap := &extrasSnap{Echoes: st.echoes, EchoTimes: st.echoTimes, Wiki: map[string]wikiPageSnap{},
		PuzzleMade: st.puzzleMade, Boosts: st.boosts, Tips: st.tips, Notarised: st.notarised,
		NotarySeq: st.notarySeq, LastEntry: st.lastEntry}
	for k, pg := range st.wiki {
		snap.Wiki[k] = wikiPageSnap{wikiPage: *pg, Revisions: pg.revisions}
	}
	for _, p := range st.puzzles {
		snap.Puzzles = append(snap.Puzzles, puzzleSnap{puzzleRec: *p, Started: p.started, Solved: p.solved})
	}
	return snap
}

// restore replaces the extras with snap's; a file written before they
// were saved (snap nil) leaves them empty.
func (st *extrasState) restore(snap *extrasSnap) {
	*st = *newExtrasState()
	if snap == nil {
		return
	}
	st.echoes, st.echoTimes, st.puzzleMade = snap.Echoes, orEmpty(snap.EchoTimes), orEmpty(snap.PuzzleMade)
	st.boosts, st.tips, st.notarised = orEmpty(snap.Boosts), snap.Tips, orEmpty(snap.Notarised)
	st.notarySeq, st.lastEntry = snap.NotarySeq, snap.LastEntry
	for k, ps := range snap.Wiki {
		pg := ps.wikiPage
		pg.revisions = ps.Revisions
		st.wiki[k] = &pg
	}
	for _, ps := range snap.Puzzles {
		p := ps.puzzleRec
		p.started, p.solved = orEmpty(ps.Started), orEmpty(ps.Solved)
		st.puzzles = append(st.puzzles, &p)
	}
}
