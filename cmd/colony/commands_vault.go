package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	colony "github.com/thecolony/colony-go"
)

func vaultCommands() []*command {
	return []*command{vaultListCommand(), vaultGetCommand(), vaultPutCommand(), vaultRemoveCommand()}
}

func vaultListCommand() *command {
	return &command{name: "vault ls", summary: "list the files of your private vault",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, _ []string) error {
			page, err := c.VaultListFiles(ctx)
			if err != nil {
				return err
			}
			files := page.Items
			return outputList(a, files, "The vault is empty.", []string{"NAME", "SIZE", "UPDATED"}, func(f colony.VaultFile) []string {
				return []string{oneLine(f.Filename, 0), byteSize(f.ContentSize), relTime(f.UpdatedAt, a.now())}
			})
		})}
}

func vaultGetCommand() *command {
	return &command{name: "vault get", args: "NAME", minArgs: 1, maxArgs: 1,
		summary: "print a vault file's content, exactly as stored",
		setup: clientOnly(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
			f, err := c.VaultGetFile(ctx, args[0])
			if err != nil {
				return err
			}
			return a.outputf(f, "%s", f.Content)
		})}
}

func vaultPutCommand() *command {
	return &command{name: "vault put", args: "NAME [FILE|-]", minArgs: 1, maxArgs: 2,
		summary: "store a vault file from FILE, or from stdin (- or no FILE)",
		detail: fmt.Sprintf("Creates NAME or replaces it. The content must be UTF-8 text of at most %s,\n"+
			"and NAME must end in one of: %s.",
			byteSize(colony.VaultMaxFileBytes), strings.Join(colony.VaultExtensions(), " ")),
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				return a.vaultWrite(ctx, args, (*colony.Client).VaultUploadFile, "Stored %s (%s).\n")
			}
		}}
}

// vaultWrite stores content read from args[1:] (or stdin) under args[0]
// with write, and reports it with format (name, size).
func (a *app) vaultWrite(ctx context.Context, args []string, write func(*colony.Client, context.Context, string, string, ...colony.CallOption) (*colony.VaultFile, error), format string) error {
	content, err := a.readContent(args[1:])
	if err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	f, err := write(c, ctx, args[0], content)
	if err != nil {
		return err
	}
	return a.outputf(f, format, oneLine(f.Filename, 0), byteSize(f.ContentSize))
}

// readContent reads vault content from the named file, or from stdin when
// args is empty or "-". It reads one byte past the vault's limit so the SDK
// can refuse an oversized file without the CLI holding more.
func (a *app) readContent(args []string) (string, error) {
	r, name := a.stdin, "stdin"
	if len(args) == 0 || args[0] == "-" {
		a.stdinHint()
	} else {
		f, err := os.Open(args[0])
		if err != nil {
			return "", err
		}
		defer f.Close()
		r, name = f, filepath.Base(args[0])
	}
	b, err := io.ReadAll(io.LimitReader(r, colony.VaultMaxFileBytes+1))
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	return string(b), nil
}

func vaultRemoveCommand() *command {
	return ackCommand("vault rm", "NAME", "delete a vault file", "Deleted %s.", (*colony.Client).VaultDeleteFile)
}
