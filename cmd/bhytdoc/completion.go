package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/bhytdoc/bhytdoc/templates"
)

// runCompletion prints a completion script for bash, zsh or fish. The
// commands, the templates and each command's flags are written into the
// script, so it needs no call back into bhytdoc.
func runCompletion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("completion", stderr)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return missing(stderr, fs, "SHELL (bash, zsh or fish)")
	}
	flags := commandFlags()
	switch pos[0] {
	case "bash", "zsh":
		writeBash(stdout, flags, pos[0] == "zsh")
	case "fish":
		writeFish(stdout, flags)
	default:
		fmt.Fprintf(stderr, "bhytdoc completion: no completion for %q (want bash, zsh or fish)\n", pos[0])
		return exitUsage
	}
	return exitOK
}

// commandFlags lists each command's flags ("--data", "-o"), from the
// commands' own flag sets: each is asked for its help with a writer
// that keeps the flags.
func commandFlags() map[string][]string {
	out := map[string][]string{}
	for name := range commands {
		if name == "completion" || name == "annex" {
			continue
		}
		var sb strings.Builder
		commands[name].run([]string{"--help"}, io.Discard, &sb)
		out[name] = flagsOf(sb.String())
	}
	for _, sub := range []string{"plan", "check"} {
		var sb strings.Builder
		runAnnex([]string{sub, "--help"}, io.Discard, &sb)
		out["annex "+sub] = flagsOf(sb.String())
	}
	return out
}

// flagsOf picks the flags out of a command's help: the lines under
// "flags:" that start with a dash.
func flagsOf(help string) []string {
	var fl []string
	in := false
	for _, l := range strings.Split(help, "\n") {
		switch {
		case l == "flags:":
			in = true
		case in && l != "" && !strings.HasPrefix(l, " "):
			in = false
		case in && strings.HasPrefix(l, "  -"):
			fl = append(fl, strings.Fields(l)[0])
		}
	}
	sort.Strings(fl)
	return slices.Compact(fl)
}

func commandNames() []string {
	var ns []string
	for n := range commands {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return append(ns, "help")
}

func writeBash(w io.Writer, flags map[string][]string, zsh bool) {
	if zsh {
		fmt.Fprintln(w, "#compdef bhytdoc\nautoload -U +X bashcompinit && bashcompinit")
	}
	fmt.Fprintln(w, "# bash completion for bhytdoc (bhytdoc completion bash)")
	fmt.Fprintln(w, "_bhytdoc() {")
	fmt.Fprintln(w, `  local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]} sub=${COMP_WORDS[2]}`)
	fmt.Fprintf(w, "  if [ \"$COMP_CWORD\" -eq 1 ]; then COMPREPLY=($(compgen -W %q -- \"$cur\")); return; fi\n", strings.Join(commandNames(), " "))
	fmt.Fprintln(w, `  local words=""`)
	fmt.Fprintln(w, `  case "$cmd" in`)
	keys := make([]string, 0, len(flags))
	for k := range flags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.HasPrefix(k, "annex ") {
			continue
		}
		words := strings.Join(flags[k], " ")
		if k == "new" || k == "merge" {
			words += " " + strings.Join(templates.Names(), " ")
		}
		fmt.Fprintf(w, "    %s) words=%q ;;\n", k, words)
	}
	fmt.Fprintf(w, "    annex) if [ \"$COMP_CWORD\" -eq 2 ]; then words=\"plan check\"; elif [ \"$sub\" = plan ]; then words=%q; else words=%q; fi ;;\n",
		strings.Join(flags["annex plan"], " "), strings.Join(flags["annex check"], " "))
	fmt.Fprintf(w, "    help) words=%q ;;\n", strings.Join(commandNames(), " "))
	fmt.Fprintln(w, `    completion) words="bash zsh fish" ;;`)
	fmt.Fprintln(w, "  esac")
	fmt.Fprintln(w, `  if [[ "$cur" == -* || -n "$words" && "$COMP_CWORD" -eq 2 ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi`)
	fmt.Fprintln(w, "}")
	fmt.Fprintln(w, "complete -o filenames -F _bhytdoc bhytdoc")
}

func writeFish(w io.Writer, flags map[string][]string) {
	fmt.Fprintln(w, "# fish completion for bhytdoc (bhytdoc completion fish)")
	fmt.Fprintf(w, "complete -c bhytdoc -n __fish_use_subcommand -f -a %q\n", strings.Join(commandNames(), " "))
	keys := make([]string, 0, len(flags))
	for k := range flags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cond := "__fish_seen_subcommand_from " + k
		if sub, ok := strings.CutPrefix(k, "annex "); ok {
			cond = "__fish_seen_subcommand_from annex; and __fish_seen_subcommand_from " + sub
		}
		for _, f := range flags[k] {
			if long, ok := strings.CutPrefix(f, "--"); ok {
				fmt.Fprintf(w, "complete -c bhytdoc -n %q -l %s\n", cond, long)
			} else {
				fmt.Fprintf(w, "complete -c bhytdoc -n %q -s %s\n", cond, strings.TrimPrefix(f, "-"))
			}
		}
	}
	fmt.Fprintf(w, "complete -c bhytdoc -n '__fish_seen_subcommand_from new merge' -f -a %q\n", strings.Join(templates.Names(), " "))
	fmt.Fprintln(w, "complete -c bhytdoc -n '__fish_seen_subcommand_from annex' -f -a 'plan check'")
	fmt.Fprintln(w, "complete -c bhytdoc -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'")
}
