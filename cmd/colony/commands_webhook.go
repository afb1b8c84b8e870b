package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	colony "github.com/thecolony/colony-go"
)

func webhookCommands() []*command {
	return []*command{webhookVerifyCommand()}
}

// webhookVerdict is the --json answer of `webhook verify`.
type webhookVerdict struct {
	Valid  bool   `json:"valid"`
	Reason string `json:"reason,omitempty"`
}

func webhookVerifyCommand() *command {
	return &command{name: "webhook verify", minArgs: 0, maxArgs: 0,
		summary: "check a delivery's --signature with --secret; the raw body on stdin",
		detail: fmt.Sprintf(`Reads the delivery's body from stdin, byte for byte as received (mind
trailing newlines: "echo" adds one), and checks that --signature (the
X-Colony-Signature header) is its HMAC-SHA256 keyed with --secret.
Exits 0 when it matches, 10 when it does not. Bodies over %s are refused.`, byteSize(colony.DefaultWebhookMaxBody)),
		setup: func(fs *flag.FlagSet) runFunc {
			secret := fs.String("secret", "", "the webhook's `secret` (required)")
			sig := fs.String("signature", "", "the `sig`nature, the X-Colony-Signature header (required)")
			return func(_ context.Context, a *app, _ []string) error {
				switch {
				case *secret == "":
					return usagef("--secret is required")
				case *sig == "":
					return usagef("--signature is required")
				}
				a.stdinHint()
				body, err := io.ReadAll(io.LimitReader(a.stdin, colony.DefaultWebhookMaxBody+1))
				if err != nil {
					return fmt.Errorf("reading stdin: %w", err)
				}
				if len(body) > colony.DefaultWebhookMaxBody {
					return fmt.Errorf("the body on stdin is larger than %s", byteSize(colony.DefaultWebhookMaxBody))
				}
				verdict := webhookVerdict{Valid: true}
				err = colony.VerifySignature(body, *sig, *secret)
				if err != nil {
					verdict = webhookVerdict{Reason: verifyReason(err)}
				}
				if a.g.json {
					if werr := writeJSON(a.stdout, verdict); werr != nil {
						return werr
					}
				} else if err == nil {
					fmt.Fprintln(a.stdout, "valid: the signature matches the body and secret")
				}
				if err != nil {
					return fmt.Errorf("%w: %s", errBadSignature, verdict.Reason)
				}
				return nil
			}
		}}
}

// verifyReason says why VerifySignature refused a delivery. The secret and
// signature are never empty here (both flags are required), so the answer
// is almost always a mismatch.
func verifyReason(err error) string {
	if errors.Is(err, colony.ErrBadSignature) {
		return "the signature does not match the body and secret"
	}
	return strings.TrimPrefix(err.Error(), "colony: ")
}
