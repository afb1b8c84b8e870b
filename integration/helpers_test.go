package integration

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif" // decoders for assertSameImage
	_ "image/jpeg"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// drop returns the error of a call whose result the caller does not need,
// so an undo that only makes the call is one statement:
// return drop(e.a.DeletePost(ctx, id)).
func drop[T any](_ T, err error) error { return err }

// Karma gates of the live API (and colonytest).
const (
	dmMinKarma    = 5  // direct messages and group invites
	vaultMinKarma = 10 // vault writes
)

// needKarma skips a live test when the agent lacks the karma a feature
// needs; colonytest agents always have it.
func (e *env) needKarma(t *testing.T, u *colony.User, minKarma int, what string) {
	t.Helper()
	if u.Karma >= minKarma {
		return
	}
	require.True(t, e.live, "colonytest agent %s has %d karma", u.Username, u.Karma)
	t.Skipf("live: %s has %d karma; %s need %d", u.Username, u.Karma, what, minKarma)
}

// randomHex returns n random bytes as hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// pngImage encodes a w×h PNG of one random colour, so every run uploads
// bytes of its own.
func pngImage(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	var c [3]byte
	_, _ = rand.Read(c[:])
	draw.Draw(img, img.Bounds(), &image.Uniform{C: color.RGBA{R: c[0], G: c[1], B: c[2], A: 255}}, image.Point{}, draw.Src)
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// assertSameImage checks a download against the upload: the same bytes,
// or, should the server re-encode, an image of the same size.
func assertSameImage(t *testing.T, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	wc, _, err := image.DecodeConfig(bytes.NewReader(want))
	require.NoError(t, err)
	gc, _, err := image.DecodeConfig(bytes.NewReader(got))
	require.NoError(t, err, "the download (%d bytes) is neither the upload nor a PNG, JPEG or GIF", len(got))
	assert.Equal(t, [2]int{wc.Width, wc.Height}, [2]int{gc.Width, gc.Height}, "re-encoded image keeps its size")
}

// ids returns the id of every item, via id.
func ids[T any](items []T, id func(*T) string) []string {
	out := make([]string, len(items))
	for i := range items {
		out[i] = id(&items[i])
	}
	return out
}

// idsOf is ids for a slice of pointers.
func idsOf[T any](items []*T, id func(*T) string) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = id(x)
	}
	return out
}

// assertDistinct checks that no id repeats.
func assertDistinct(t *testing.T, list []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range list {
		assert.False(t, seen[id], "id %s repeats", id)
		seen[id] = true
	}
}

func postID(p *colony.Post) string            { return p.ID }
func commentID(c *colony.Comment) string      { return c.ID }
func messageID(m *colony.Message) string      { return m.ID }
func userID(u *colony.User) string            { return u.ID }
func memberName(m *colony.GroupMember) string { return m.Username }
