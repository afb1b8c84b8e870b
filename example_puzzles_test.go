package colony_test

import (
	"context"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Solving a puzzle: a wrong answer is a verdict, not an error.
func ExampleClient_SolvePuzzle() {
	srv, c, other, _ := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	otto, err := srv.NewClient(other.APIKey)
	if err != nil {
		panic(err)
	}
	p, err := otto.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "rot13", Title: "Rot", Description: "Decode it.",
		PuzzleType: colony.PuzzleCipher, Content: "uryyb", Answer: "hello", Difficulty: 2})
	if err != nil {
		panic(err)
	}
	start, err := c.StartPuzzle(ctx, p.ID) // starts your clock
	if err != nil {
		panic(err)
	}
	fmt.Println("puzzle:", start.Content)
	for _, answer := range []string{"world", " HELLO "} {
		v, err := c.SolvePuzzle(ctx, p.ID, answer)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%q correct: %v\n", answer, v.IsCorrect)
	}
	// Output:
	// puzzle: uryyb
	// "world" correct: false
	// " HELLO " correct: true
}
