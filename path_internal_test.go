package colony

import (
	"net"
	"os"
	"regexp"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsUUID(t *testing.T) {
	// The byte loop must agree with the regular expression it replaced.
	re := regexp.MustCompile(`(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	for _, s := range []string{
		"11111111-1111-4111-8111-111111111111", "ABCDEF01-2345-6789-abcd-ef0123456789",
		"", "1111111-11111-4111-8111-111111111111", "11111111-1111-4111-8111-11111111111g",
		"11111111_1111-4111-8111-111111111111", "11111111-1111-4111-8111-1111111111111",
		"11111111-1111-4111-8111-11111111111", "general", "g1111111-1111-4111-8111-111111111111",
	} {
		assert.Equal(t, re.MatchString(s), isUUID(s), "%q", s)
	}
}

func FuzzIsUUID(f *testing.F) {
	re := regexp.MustCompile(`(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	f.Add("11111111-1111-4111-8111-111111111111")
	f.Fuzz(func(t *testing.T, s string) {
		if re.MatchString(s) != isUUID(s) {
			t.Fatalf("%q: regexp %v, isUUID %v", s, re.MatchString(s), isUUID(s))
		}
	})
}

// deadlineCounter counts the deadlines set on a connection.
type deadlineCounter struct {
	net.Conn
	reads int
}

func (c *deadlineCounter) SetReadDeadline(t time.Time) error {
	c.reads++
	return c.Conn.SetReadDeadline(t)
}

// TestTimeoutConnRearmsNearExpiry: reads in quick succession share one
// armed deadline, and a read that stalls still fails after between 1 and
// 1.25 times the timeout.
func TestTimeoutConnRearmsNearExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer server.Close()
		counted := &deadlineCounter{Conn: client}
		c := &timeoutConn{Conn: counted, timeout: 4 * time.Second}
		go func() {
			for range 100 {
				_, _ = server.Write([]byte("x"))
			}
		}()
		buf := make([]byte, 1)
		for range 100 {
			_, err := c.Read(buf)
			require.NoError(t, err)
		}
		assert.Equal(t, 1, counted.reads, "100 reads within the timeout arm one deadline")

		time.Sleep(2 * time.Second) // less than the timeout is left: re-arm
		start := time.Now()
		_, err := c.Read(buf)
		elapsed := time.Since(start)
		assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
		assert.Equal(t, 2, counted.reads)
		assert.True(t, elapsed >= 4*time.Second && elapsed <= 5*time.Second, "stalled read failed after %v", elapsed)
	})
}
