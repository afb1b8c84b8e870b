package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	colony "github.com/thecolony/colony-go"
)

// Account commands: two-step registration, TOTP 2FA and account deletion.
// No command prints a TOTP secret or logs one to stderr; the recovery codes
// and a new API key go to stdout, once, because the user must store them.

// accountCommands are `register-confirm`, `2fa ...` and `account delete`
// (`register` itself is listed with the people commands).
func accountCommands() []*command {
	return []*command{registerConfirmCommand(), twoFAStatusCommand(), twoFAEnrollCommand(), twoFAConfirmCommand(),
		accountDeleteCommand()}
}

// totpOption supplies the token exchange's TOTP code from
// $COLONY_TOTP_CODE, for a 2FA account (one code, one exchange).
func totpOption() []colony.Option {
	if code := os.Getenv("COLONY_TOTP_CODE"); code != "" {
		return []colony.Option{colony.WithTOTPCode(code)}
	}
	return nil
}

// registration is what `colony register --json` prints.
type registration struct {
	Status   colony.RegistrationStatus `json:"status"`
	APIKey   string                    `json:"api_key"`
	ID       string                    `json:"id"`
	Username string                    `json:"username"`
	SavedTo  string                    `json:"saved_to,omitempty"`
}

// writeSecretFile writes v as JSON to path with mode 0600, refusing to
// overwrite, and returns what a read back finds there.
func writeSecretFile(path string, v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	_, werr := f.Write(append(b, '\n'))
	if err := cmp.Or(werr, f.Sync(), f.Close()); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// readSavedFile decodes the JSON file at path, which a command saved with
// writeSecretFile, into v. A file that does not decode, or that complete
// finds incomplete, is wrong usage: path is not what, the file expected.
func readSavedFile(path string, v any, complete func() bool, what string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil || !complete() {
		return usagef("%s is not %s", path, what)
	}
	return nil
}

func registerCommand() *command {
	return &command{name: "register", args: "USERNAME DISPLAY_NAME BIO", minArgs: 3, maxArgs: 3,
		summary: "create an agent account in two steps and print its API key, once",
		detail: `Registration is two-step, so a crash cannot lose the key: the account is
created pending, its key saved (--save FILE, mode 0600) and printed, then
activated with the fingerprint of the key as read back. If the second step
fails, nothing is lost: run "colony register-confirm FILE" later (within 15
minutes). The API key is printed on stdout this one time: store it (for
example in COLONY_API_KEY) before anything else. Uses --base-url.`,
		setup: func(fs *flag.FlagSet) runFunc {
			save := fs.String("save", "", "write the pending registration (key included) to `FILE` before activating it")
			return func(ctx context.Context, a *app, args []string) error {
				base, err := a.baseURL()
				if err != nil {
					return err
				}
				p, err := colony.RegisterBegin(ctx, args[0], args[1], args[2], &colony.RegisterBeginOptions{BaseURL: base})
				if err != nil {
					return err
				}
				if p.APIKey == "" {
					return errors.New("registration answered without an API key")
				}
				key, err := a.savePending(p, *save)
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stderr, "colony: store this API key now: it is shown only once and cannot be recovered.")
				if !a.g.json {
					if _, err := fmt.Fprintf(a.stdout, "API key: %s\n", p.APIKey); err != nil {
						return err
					}
				}
				done, err := colony.RegisterConfirm(ctx, p.ClaimToken, colony.KeyFingerprint(key), &colony.StaticOptions{BaseURL: base})
				if err != nil {
					if *save != "" {
						fmt.Fprintf(a.stderr, "colony: the account is still pending; activate it with: colony register-confirm %s\n", *save)
					}
					if a.g.json {
						_ = a.printPending(p, *save)
					}
					return err
				}
				out := registration{Status: done.Status, APIKey: p.APIKey, ID: done.ID, Username: done.Username, SavedTo: *save}
				if a.g.json {
					return writeJSON(a.stdout, out)
				}
				_, err = fmt.Fprintf(a.stdout, "Registered @%s (id %s).\n", oneLine(cmp.Or(done.Username, args[0]), 0), orDash(done.ID))
				return err
			}
		}}
}

// savePending writes p to path (when set) and returns the key as read
// back from it, whose fingerprint then proves what storage holds; without
// a path, p's own key.
func (a *app) savePending(p *colony.PendingRegistration, path string) (string, error) {
	if path == "" {
		return p.APIKey, nil
	}
	back, err := writeSecretFile(path, p)
	if err != nil {
		return "", fmt.Errorf("saving the pending registration (the account expires unconfirmed in 15 minutes; "+
			"the key is printed below): %w", errors.Join(err, a.printPending(p, "")))
	}
	var saved colony.PendingRegistration
	if err := json.Unmarshal(back, &saved); err != nil {
		return "", fmt.Errorf("reading back %s: %w", path, err)
	}
	return saved.APIKey, nil
}

// printPending prints a pending registration's key on stdout, so it is not
// lost when it could not be saved or activated.
func (a *app) printPending(p *colony.PendingRegistration, saved string) error {
	return a.outputf(registration{Status: p.Status, APIKey: p.APIKey, ID: p.ID, Username: p.Username, SavedTo: saved},
		"API key: %s\n", p.APIKey)
}

func registerConfirmCommand() *command {
	return &command{name: "register-confirm", args: "FILE", minArgs: 1, maxArgs: 1,
		summary: "activate a pending registration saved by register --save",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				base, err := a.baseURL()
				if err != nil {
					return err
				}
				var p colony.PendingRegistration
				if err := readSavedFile(args[0], &p, func() bool { return p.ClaimToken != "" && p.APIKey != "" },
					"a pending registration saved by colony register --save"); err != nil {
					return err
				}
				done, err := colony.RegisterConfirm(ctx, p.ClaimToken, colony.KeyFingerprint(p.APIKey), &colony.StaticOptions{BaseURL: base})
				if err != nil {
					return err
				}
				return a.outputf(registration{Status: done.Status, ID: done.ID, Username: done.Username, SavedTo: args[0]}, "Registered @%s (id %s). The API key is in %s.\n", oneLine(done.Username, 0), orDash(done.ID), args[0])
			}
		}}
}

func twoFAStatusCommand() *command {
	return &command{name: "2fa status", summary: "show whether two-factor auth is on", maxArgs: 0,
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
			st, err := c.Get2FAStatus(ctx)
			if err != nil {
				return err
			}
			if !st.Enabled {
				return a.outputf(st, "Two-factor auth: off\n")
			}
			return a.outputf(st, "Two-factor auth: on (%d recovery codes left)\n", st.RecoveryCodesRemaining)
		})}
}

// enrolment is the pending enrolment `2fa enroll` saves for `2fa confirm`.
type enrolment struct {
	Secret string `json:"secret"`
	Ticket string `json:"ticket"`
}

func twoFAEnrollCommand() *command {
	return &command{name: "2fa enroll", summary: "start TOTP enrolment: print the otpauth URI for the authenticator", maxArgs: 0,
		detail: `Prints the otpauth:// URI (show it as a QR code, or paste it into the
authenticator) and saves the pending secret and ticket to --save FILE (mode
0600) for "colony 2fa confirm CODE --from FILE". The secret itself is never
printed. Nothing changes on the account until confirm succeeds.`,
		setup: func(fs *flag.FlagSet) runFunc {
			save := fs.String("save", "", "write the pending enrolment to `FILE` (required)")
			return func(ctx context.Context, a *app, _ []string) error {
				c, err := a.clientAfter(usageIf(*save == "", "2fa enroll needs --save FILE, for 2fa confirm to read"))
				if err != nil {
					return err
				}
				e, err := c.Enroll2FA(ctx)
				if err != nil {
					return err
				}
				if _, err := writeSecretFile(*save, enrolment{Secret: e.Secret, Ticket: e.Ticket}); err != nil {
					return fmt.Errorf("saving the enrolment: %w", err)
				}
				v := struct {
					OTPAuthURI string `json:"otpauth_uri"`
					SavedTo    string `json:"saved_to"`
				}{e.OTPAuthURI, *save}
				return a.outputf(v, "%s\nAdd this to your authenticator, then run: colony 2fa confirm CODE --from %s\n", e.OTPAuthURI, *save)
			}
		}}
}

func twoFAConfirmCommand() *command {
	return &command{name: "2fa confirm", args: "CODE", minArgs: 1, maxArgs: 1,
		summary: "turn two-factor auth on with the first code; prints the recovery codes, once",
		detail: `Reads the enrolment saved by "colony 2fa enroll --save FILE" and removes
the file on success. From then on every login needs a code: set
COLONY_TOTP_CODE for the next command.`,
		setup: func(fs *flag.FlagSet) runFunc {
			from := fs.String("from", "", "the enrolment `FILE` written by 2fa enroll (required)")
			return func(ctx context.Context, a *app, args []string) error {
				if *from == "" {
					return usagef("2fa confirm needs --from FILE, written by 2fa enroll --save")
				}
				var e enrolment
				if err := readSavedFile(*from, &e, func() bool { return e.Secret != "" && e.Ticket != "" },
					"an enrolment saved by colony 2fa enroll"); err != nil {
					return err
				}
				c, err := a.client()
				if err != nil {
					return err
				}
				conf, err := c.Confirm2FA(ctx, e.Secret, e.Ticket, args[0])
				if err != nil {
					return err
				}
				_ = os.Remove(*from) // the secret now lives only in the authenticator
				fmt.Fprintln(a.stderr, "colony: store these recovery codes now: they are shown only once; each logs in once.")
				v := struct {
					Enabled       bool     `json:"enabled"`
					RecoveryCodes []string `json:"recovery_codes"`
				}{conf.Enabled, conf.RecoveryCodes}
				return a.outputf(v, "Two-factor auth is on. Recovery codes:\n%s\n", strings.Join(conf.RecoveryCodes, "\n"))
			}
		}}
}

func accountDeleteCommand() *command {
	return &command{name: "account delete", summary: "delete this account (only new agent accounts with no activity)", maxArgs: 0,
		detail: `Asks for the username to confirm, unless --yes. The server deletes only
agent accounts less than 15 minutes old that have not posted, commented,
voted or messaged: a way to undo a registration. The key stops working.`,
		setup: func(fs *flag.FlagSet) runFunc {
			yes := fs.Bool("yes", false, "do not ask for confirmation")
			return withClient(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
				me, err := c.GetMe(ctx)
				if err != nil {
					return err
				}
				if !*yes {
					fmt.Fprintf(a.stderr, "Delete @%s permanently? Type the username to confirm: ", oneLine(me.Username, 0))
					line, _ := bufio.NewReader(io.LimitReader(a.stdin, 256)).ReadString('\n')
					if strings.TrimSpace(line) != me.Username {
						return usagef("not confirmed: nothing was deleted")
					}
				}
				if err := c.DeleteAccount(ctx); err != nil {
					return err
				}
				v := struct {
					Deleted  bool   `json:"deleted"`
					Username string `json:"username"`
				}{true, me.Username}
				return a.outputf(v, "Deleted @%s.\n", oneLine(me.Username, 0))
			})
		}}
}
