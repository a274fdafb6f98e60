# leadscore completion for bash. Load it from ~/.bashrc:  eval "$(leadscore completion bash)"
_leadscore() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="" word i opts
  # The command (and a subcommand of it) are the first words that are not options or their values.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    case "$word" in
      --color) ((i++)) ;;
      -*) ;;
      *)
        if [[ -z "$cmd" ]]; then
          cmd="$word"
        else
          case "$cmd $word" in
            "fixture add") cmd="fixture add" ;;
            "fixture suggest") cmd="fixture suggest" ;;
          esac
        fi
        ;;
    esac
  done
  case "$cmd:$prev" in
    "check:--format") COMPREPLY=($(compgen -W "text github" -- "$cur")); return ;;
    "compile:-o"|"compile:--out") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fmt:--format") COMPREPLY=($(compgen -W "text github" -- "$cur")); return ;;
    "score:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--leads") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--events") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--as-of") COMPREPLY=(); return ;;
    "score:-o"|"score:--out") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--format") COMPREPLY=($(compgen -W "ndjson csv" -- "$cur")); return ;;
    "score:--rejects") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--summary") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--engine") COMPREPLY=($(compgen -W "js duckdb" -- "$cur")); return ;;
    "score:--memory-limit") COMPREPLY=(); return ;;
    "score:--previous") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--changes") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "score:--changes-only") COMPREPLY=(); return ;;
    "score:--leads-format") COMPREPLY=($(compgen -W "csv ndjson" -- "$cur")); return ;;
    "score:--delimiter") COMPREPLY=(); return ;;
    "score:--columns") COMPREPLY=(); return ;;
    "score:--missing-values") COMPREPLY=(); return ;;
    "score:--epoch") COMPREPLY=($(compgen -W "s ms" -- "$cur")); return ;;
    "score:--on-duplicate") COMPREPLY=($(compgen -W "keep-first keep-last reject" -- "$cur")); return ;;
    "score:--outcome") COMPREPLY=(); return ;;
    "explain:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "explain:--lead") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "explain:--as-of") COMPREPLY=(); return ;;
    "explain:--missing-values") COMPREPLY=(); return ;;
    "explain:--epoch") COMPREPLY=($(compgen -W "s ms" -- "$cur")); return ;;
    "test:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "test:--reporter") COMPREPLY=($(compgen -W "text json junit" -- "$cur")); return ;;
    "test:-o"|"test:--output") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "test:--format") COMPREPLY=($(compgen -W "text github" -- "$cur")); return ;;
    "test:--engine") COMPREPLY=($(compgen -W "js duckdb postgres" -- "$cur")); return ;;
    "test:--database") COMPREPLY=(); return ;;
    "test:--min-coverage") COMPREPLY=(); return ;;
    "test:--missing-values") COMPREPLY=(); return ;;
    "test:--epoch") COMPREPLY=($(compgen -W "s ms" -- "$cur")); return ;;
    "watch:--explain") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "watch:--as-of") COMPREPLY=(); return ;;
    "watch:--max-runs") COMPREPLY=(); return ;;
    "fixture add:--id") COMPREPLY=(); return ;;
    "fixture add:--from") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fixture add:--events") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fixture add:--name") COMPREPLY=(); return ;;
    "fixture add:--to") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fixture add:--as-of") COMPREPLY=(); return ;;
    "fixture add:--expect") COMPREPLY=(); return ;;
    "fixture add:--redact") COMPREPLY=(); return ;;
    "fixture add:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fixture suggest:--from") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fixture suggest:--events") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "fixture suggest:--as-of") COMPREPLY=(); return ;;
    "fixture suggest:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "diff:--base-dir") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "diff:--head-dir") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "diff:--format") COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return ;;
    "diff:-o"|"diff:--out") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "diff:--full-report") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "diff:--as-of") COMPREPLY=(); return ;;
    "diff:--leads-format") COMPREPLY=($(compgen -W "csv ndjson" -- "$cur")); return ;;
    "diff:--delimiter") COMPREPLY=(); return ;;
    "diff:--columns") COMPREPLY=(); return ;;
    "diff:--missing-values") COMPREPLY=(); return ;;
    "diff:--epoch") COMPREPLY=($(compgen -W "s ms" -- "$cur")); return ;;
    "diff:--on-duplicate") COMPREPLY=($(compgen -W "keep-first keep-last reject" -- "$cur")); return ;;
    "report:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "report:--leads") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "report:--events") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "report:--outcome") COMPREPLY=(); return ;;
    "report:--as-of") COMPREPLY=(); return ;;
    "report:--as-of-field") COMPREPLY=(); return ;;
    "report:--offset") COMPREPLY=(); return ;;
    "report:--leads-format") COMPREPLY=($(compgen -W "csv ndjson" -- "$cur")); return ;;
    "report:--delimiter") COMPREPLY=(); return ;;
    "report:--columns") COMPREPLY=(); return ;;
    "report:--missing-values") COMPREPLY=(); return ;;
    "report:--epoch") COMPREPLY=($(compgen -W "s ms" -- "$cur")); return ;;
    "report:--on-duplicate") COMPREPLY=($(compgen -W "keep-first keep-last reject" -- "$cur")); return ;;
    "report:--format") COMPREPLY=($(compgen -W "html json markdown" -- "$cur")); return ;;
    "report:-o"|"report:--out") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "report:--rejects") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "profile:--leads") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "profile:--leads-format") COMPREPLY=($(compgen -W "csv ndjson" -- "$cur")); return ;;
    "profile:--delimiter") COMPREPLY=(); return ;;
    "profile:--outcome") COMPREPLY=(); return ;;
    "profile:--columns") COMPREPLY=(); return ;;
    "tune:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "tune:--leads") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "tune:--events") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "tune:--outcome") COMPREPLY=(); return ;;
    "tune:--as-of") COMPREPLY=(); return ;;
    "tune:--as-of-field") COMPREPLY=(); return ;;
    "tune:--offset") COMPREPLY=(); return ;;
    "tune:--leads-format") COMPREPLY=($(compgen -W "csv ndjson" -- "$cur")); return ;;
    "tune:--delimiter") COMPREPLY=(); return ;;
    "tune:--columns") COMPREPLY=(); return ;;
    "tune:--missing-values") COMPREPLY=(); return ;;
    "tune:--epoch") COMPREPLY=($(compgen -W "s ms" -- "$cur")); return ;;
    "tune:--on-duplicate") COMPREPLY=($(compgen -W "keep-first keep-last reject" -- "$cur")); return ;;
    "tune:--folds") COMPREPLY=(); return ;;
    "tune:--lambda") COMPREPLY=(); return ;;
    "serve:--ruleset") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "serve:--signature") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "serve:--key") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "serve:--host") COMPREPLY=(); return ;;
    "serve:--port") COMPREPLY=(); return ;;
    "serve:--workers") COMPREPLY=(); return ;;
    "serve:--max-body") COMPREPLY=(); return ;;
    "serve:--max-batch") COMPREPLY=(); return ;;
    "serve:--max-events") COMPREPLY=(); return ;;
    "serve:--poll") COMPREPLY=(); return ;;
    "serve:--state-dir") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "serve:--decision-log") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "serve:--log-level") COMPREPLY=(); return ;;
    "keygen:--out-dir") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "keygen:--name") COMPREPLY=(); return ;;
    "sign:--key") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "sign:-o"|"sign:--out") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "verify:--key") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "verify:--signature") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "sql:--rules") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "sql:--dialect") COMPREPLY=($(compgen -W "duckdb postgres bigquery snowflake" -- "$cur")); return ;;
    "sql:--leads") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "sql:--events") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "sql:--as-of") COMPREPLY=(); return ;;
    "sql:-o"|"sql:--out") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    *:--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
      "") opts="--color --help --version" ;;
      "check") opts="--json --strict --format -h --help --color" ;;
      "compile") opts="-o --out -h --help --color" ;;
      "fmt") opts="--check --diff --stdin --format -h --help --color" ;;
      "score") opts="--rules --leads --events --as-of -o --out --format --rejects --summary --json --fail-on-reject --engine --memory-limit --previous --changes --changes-only --verbose --leads-format --delimiter --columns --missing-values --epoch --on-duplicate --strict-keys --outcome -h --help --color" ;;
      "explain") opts="--rules --lead --as-of --json --missing-values --epoch -h --help --color" ;;
      "test") opts="--rules --reporter -o --output --format --engine --database --coverage --min-coverage -u --update --missing-values --epoch -h --help --color" ;;
      "watch") opts="--explain --as-of --max-runs -h --help --color" ;;
      "fixture") opts="-h --help --color" ;;
      "fixture add") opts="--id --from --events --name --to --as-of --expect --redact --rules -h --help --color" ;;
      "fixture suggest") opts="--from --events --as-of --rules --json -h --help --color" ;;
      "init") opts="--force -h --help --color" ;;
      "diff") opts="--base-dir --head-dir --format -o --out --full-report --as-of --leads-format --delimiter --columns --missing-values --epoch --on-duplicate --strict-keys -h --help --color" ;;
      "report") opts="--rules --leads --events --outcome --as-of --as-of-field --offset --leads-format --delimiter --columns --missing-values --epoch --on-duplicate --strict-keys --format -o --out --rejects -h --help --color" ;;
      "profile") opts="--leads --leads-format --delimiter --outcome --columns --json -h --help --color" ;;
      "tune") opts="--rules --leads --events --outcome --as-of --as-of-field --offset --leads-format --delimiter --columns --missing-values --epoch --on-duplicate --strict-keys --folds --lambda --write -h --help --color" ;;
      "serve") opts="--ruleset --signature --key --host --port --workers --max-body --max-batch --max-events --poll --state-dir --no-state --decision-log --log-level -h --help --color" ;;
      "keygen") opts="--out-dir --name -h --help --color" ;;
      "sign") opts="--key -o --out -h --help --color" ;;
      "verify") opts="--key --signature --json -h --help --color" ;;
      "sql") opts="--rules --dialect --leads --events --as-of --explain --dbt -o --out -h --help --color" ;;
      "lsp") opts="--stdio -h --help --color" ;;
      "completion") opts="-h --help --color" ;;
      *) opts="" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "$cmd" in
    "") COMPREPLY=($(compgen -W "check compile fmt score explain test watch fixture init diff report profile tune serve keygen sign verify sql lsp completion" -- "$cur")) ;;
    "check") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "compile") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "fmt") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "score") COMPREPLY=() ;;
    "explain") COMPREPLY=() ;;
    "test") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "watch") COMPREPLY=() ;;
    "fixture") COMPREPLY=($(compgen -W "add suggest" -- "$cur")) ;;
    "fixture add") COMPREPLY=() ;;
    "fixture suggest") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "init") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "diff") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "report") COMPREPLY=() ;;
    "profile") COMPREPLY=() ;;
    "tune") COMPREPLY=() ;;
    "serve") COMPREPLY=() ;;
    "keygen") COMPREPLY=() ;;
    "sign") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "verify") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    "sql") COMPREPLY=() ;;
    "lsp") COMPREPLY=() ;;
    "completion") COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
  esac
}
complete -F _leadscore leadscore
