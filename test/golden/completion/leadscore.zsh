#compdef leadscore
# leadscore completion for zsh. Load it from ~/.zshrc:  source <(leadscore completion zsh)
_leadscore() {
  local curcontext="$curcontext" state line
  local -a commands=('check:Check rule files for errors and warnings (the files named form one ruleset).' 'compile:Compile a ruleset into the JSON artifact that runtime services load.' 'fmt:Rewrite rule files in the canonical layout, listing the files it changed.' 'score:Score a file of leads: one result per lead; bad records are reported, never lost.' 'explain:Explain how one lead is scored: every rule that counted, the totals, grade, bucket and actions.' 'test:Check that the rules decide the fixture leads the way everyone agreed.' 'watch:Run check and test again whenever a rule or fixture file changes (optionally explain).' 'fixture:Take real leads into fixture files, and find the leads that close coverage gaps.' 'init:Create a rules repository: example rules, fixture tests, a sample population and a CI workflow.' 'diff:Show the impact of a rules change: which leads change bucket, and which rule changes moved them.' 'report:Measure the rules against historical outcomes: conversion, AUC, lift, per-rule stats.' 'profile:Conversion by column value in historical leads, strongest columns first, with rule ideas.' 'tune:Fit the rules'\'' points to historical outcomes; print the change as a diff or --write it.' 'serve:Serve a compiled ruleset over HTTP: score leads, reload the ruleset when it changes.' 'keygen:Create an Ed25519 key pair for signing compiled rulesets.' 'sign:Sign a compiled ruleset: a detached JWS over its content hash, written to <ruleset>.sig.' 'verify:Check a compiled ruleset and its signature against public keys, as leadscore serve does.' 'sql:Write the ruleset as SQL for DuckDB, PostgreSQL, BigQuery or Snowflake.' 'lsp:Run the language server for editors (Language Server Protocol on stdin and stdout).' 'completion:Print the shell completion script for bash, zsh or fish.')
  _arguments -C \
    '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
    '(- *)'{-V,--version}'[output the version number]' \
    '(- *)'{-h,--help}'[display help]' \
    '1: :->command' \
    '*:: :->argument'
  case $state in
    command) _describe -t commands 'leadscore command' commands ;;
    argument)
      case $words[1] in
      check) _arguments -s \
          '--json[print the diagnostics as JSON on stdout]' \
          '--strict[fail on warnings too]' \
          '--format[github: also print GitHub Actions annotations on stdout (the default when GITHUB_ACTIONS=true)]:value:(text github)' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      compile) _arguments -s \
          '-o[write the artifact to this file instead of stdout]:file:_files' \
          '--out[write the artifact to this file instead of stdout]:file:_files' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      fmt) _arguments -s \
          '--check[change nothing; print what formatting would change (a diff), and fail if a file is not formatted]' \
          '--diff[change nothing; print what formatting would change (a diff)]' \
          '--stdin[format standard input and print the result (for editors)]' \
          '--format[github: also print GitHub Actions annotations on stdout (the default when GITHUB_ACTIONS=true)]:value:(text github)' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      score) _arguments -s \
          '--rules[rule directory or compiled artifact]:file:_files' \
          '--leads[the leads: .csv, .ndjson or .jsonl]:file:_files' \
          '--events[events (NDJSON: lead_id, type, at, properties)]:file:_files' \
          '--as-of[score as of this ISO-8601 time (default: now)]:value: ' \
          '-o[write results here instead of stdout]:file:_files' \
          '--out[write results here instead of stdout]:file:_files' \
          '--format[result format]:value:(ndjson csv)' \
          '--rejects[write every rejected record here (NDJSON)]:file:_files' \
          '--summary[also write the summary here as JSON]:file:_files' \
          '--json[print the summary as JSON on stderr instead of text]' \
          '--fail-on-reject[exit 1 when any record is rejected]' \
          '--engine[score in JavaScript or in an embedded DuckDB]:value:(js duckdb)' \
          '--memory-limit[DuckDB'\''s memory limit, e.g. 4GB (--engine duckdb)]:value: ' \
          '--previous[an earlier run'\''s results (NDJSON or .csv): add what changed since then]:file:_files' \
          '--changes[write one NDJSON record per transition (new, moved, gone leads)]:file:_files' \
          '--changes-only[write only the leads that moved bucket or actions (or whose score moved at least this much)]:value: ' \
          '--verbose[also print how CSV columns map to lead fields]' \
          '--leads-format[read lead files as csv or ndjson (default: by extension)]:value:(csv ndjson)' \
          '--delimiter[CSV field separator: , ; | or tab (default: detected from the header line)]:value: ' \
          '--columns[CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"]:value: ' \
          '--missing-values[values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)]:value: ' \
          '--epoch[unit of timestamps written as numbers (default: refused)]:value:(s ms)' \
          '--on-duplicate[records repeating a lead id (default keep-first)]:value:(keep-first keep-last reject)' \
          '--strict-keys[reject records with keys (or CSV columns) that are no lead field]' \
          '--outcome[report conversion per bucket and grade from this yes/no column]:value: ' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      explain) _arguments -s \
          '--rules[rule directory or compiled artifact]:file:_files' \
          '--lead[the lead and its events (.yaml, .yml or .json)]:file:_files' \
          '--as-of[score as of this ISO-8601 time (default: the file'\''s as_of, else now)]:value: ' \
          '--json[print the result as JSON instead of text]' \
          '--missing-values[values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)]:value: ' \
          '--epoch[unit of timestamps written as numbers (default: refused)]:value:(s ms)' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      test) _arguments -s \
          '--rules[rules directory or compiled artifact (default: rules in leadscore.yaml)]:file:_files' \
          '--reporter[report format: text, json, junit]:value:(text json junit)' \
          '-o[write the report to this file and print the text report]:file:_files' \
          '--output[write the report to this file and print the text report]:file:_files' \
          '--format[github: also print GitHub Actions annotations on stdout (the default when GITHUB_ACTIONS=true)]:value:(text github)' \
          '--engine[score the cases in JavaScript, DuckDB or PostgreSQL]:value:(js duckdb postgres)' \
          '--database[the PostgreSQL database for --engine postgres (postgres://…)]:value: ' \
          '--coverage[list the rules that never fired and the buckets never reached]' \
          '--min-coverage[fail when coverage is below this percentage (implies --coverage)]:value: ' \
          '-u[rewrite the checked keys of failing cases to what the rules now decide (comments and layout kept)]' \
          '--update[rewrite the checked keys of failing cases to what the rules now decide (comments and layout kept)]' \
          '--missing-values[values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)]:value: ' \
          '--epoch[unit of timestamps written as numbers (default: refused)]:value:(s ms)' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      watch) _arguments -s \
          '--explain[also explain this lead (.yaml, .yml or .json) on every run]:file:_files' \
          '--as-of[explain the lead as of this ISO-8601 time (default: the file'\''s as_of)]:value: ' \
          '--max-runs[stop after this many runs (for scripts)]:value: ' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      fixture)
        if (( CURRENT == 2 )); then
          local -a subcommands=('add:Append population leads to a fixture file, with what the rules decide as expectations.' 'suggest:Pick population leads that cover the rules and buckets today'\''s fixtures miss.')
          _describe -t commands 'leadscore fixture command' subcommands
        else
          shift words; (( CURRENT-- ))
          case $words[1] in
            add) _arguments -s \
          '--id[the lead'\''s id (repeat for more leads)]:value: ' \
          '--from[the population'\''s leads file (default: population in leadscore.yaml)]:file:_files' \
          '--events[the population'\''s events file (NDJSON), with --from]:file:_files' \
          '--name[the case'\''s name (repeat, one per --id, in order)]:value: ' \
          '--to[the fixture file to append to (default: the project'\''s first fixture file)]:file:_files' \
          '--as-of[the instant the population is taken at]:value: ' \
          '--expect[the result keys to expect, comma-separated (default: all)]:value: ' \
          '--redact[text fields to replace with stable placeholders, comma-separated]:value: ' \
          '--rules[rules directory or compiled artifact (default: rules)]:file:_files' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
            suggest) _arguments -s \
          '--from[the population'\''s leads file (default: population in leadscore.yaml)]:file:_files' \
          '--events[the population'\''s events file (NDJSON), with --from]:file:_files' \
          '--as-of[the instant the population is scored at]:value: ' \
          '--rules[rules directory or compiled artifact (default: rules)]:file:_files' \
          '--json[print the suggestion as JSON]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
          esac
        fi ;;
      init) _arguments -s \
          '--force[overwrite files that exist already]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      diff) _arguments -s \
          '--base-dir[compare with this directory of rule files instead of a base revision]:file:_files' \
          '--head-dir[use this directory of rule files as the head instead of the working tree]:file:_files' \
          '--format[report format]:value:(text markdown json)' \
          '-o[write the report to this file instead of stdout]:file:_files' \
          '--out[write the report to this file instead of stdout]:file:_files' \
          '--full-report[also write the complete, never shortened report to this file]:file:_files' \
          '--as-of[score the population as of this ISO-8601 time]:value: ' \
          '--leads-format[read lead files as csv or ndjson (default: by extension)]:value:(csv ndjson)' \
          '--delimiter[CSV field separator: , ; | or tab (default: detected from the header line)]:value: ' \
          '--columns[CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"]:value: ' \
          '--missing-values[values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)]:value: ' \
          '--epoch[unit of timestamps written as numbers (default: refused)]:value:(s ms)' \
          '--on-duplicate[records repeating a lead id (default keep-first)]:value:(keep-first keep-last reject)' \
          '--strict-keys[reject records with keys (or CSV columns) that are no lead field]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      report) _arguments -s \
          '--rules[rule directory or compiled artifact]:file:_files' \
          '--leads[historical leads: .csv, .ndjson or .jsonl]:file:_files' \
          '--events[events (NDJSON: lead_id, type, at, properties)]:file:_files' \
          '--outcome[the yes/no column that says whether the lead converted]:value: ' \
          '--as-of[score every lead as of this ISO-8601 time (default: now)]:value: ' \
          '--as-of-field[score each lead as of the time in this column]:value: ' \
          '--offset[with --as-of-field: that time plus this (e.g. 7d, 12h)]:value: ' \
          '--leads-format[read lead files as csv or ndjson (default: by extension)]:value:(csv ndjson)' \
          '--delimiter[CSV field separator: , ; | or tab (default: detected from the header line)]:value: ' \
          '--columns[CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"]:value: ' \
          '--missing-values[values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)]:value: ' \
          '--epoch[unit of timestamps written as numbers (default: refused)]:value:(s ms)' \
          '--on-duplicate[records repeating a lead id (default keep-first)]:value:(keep-first keep-last reject)' \
          '--strict-keys[reject records with keys (or CSV columns) that are no lead field]' \
          '--format[report format]:value:(html json markdown)' \
          '-o[write the report here instead of stdout]:file:_files' \
          '--out[write the report here instead of stdout]:file:_files' \
          '--rejects[write every rejected record here (NDJSON)]:file:_files' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      profile) _arguments -s \
          '--leads[historical leads: .csv, .ndjson or .jsonl]:file:_files' \
          '--leads-format[read the leads as this format]:value:(csv ndjson)' \
          '--delimiter[CSV field separator: , ; | or tab (default: detected from the header line)]:value: ' \
          '--outcome[the yes/no column that says whether the lead converted]:value: ' \
          '--columns[profile only these columns (comma-separated headers)]:value: ' \
          '--json[print the profile as JSON]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      tune) _arguments -s \
          '--rules[rule directory (its files are the ones rewritten)]:file:_files' \
          '--leads[historical leads: .csv, .ndjson or .jsonl]:file:_files' \
          '--events[events (NDJSON: lead_id, type, at, properties)]:file:_files' \
          '--outcome[the yes/no column that says whether the lead converted]:value: ' \
          '--as-of[score every lead as of this ISO-8601 time (default: now)]:value: ' \
          '--as-of-field[score each lead as of the time in this column]:value: ' \
          '--offset[with --as-of-field: that time plus this (e.g. 7d, 12h)]:value: ' \
          '--leads-format[read lead files as csv or ndjson (default: by extension)]:value:(csv ndjson)' \
          '--delimiter[CSV field separator: , ; | or tab (default: detected from the header line)]:value: ' \
          '--columns[CSV header to lead field, e.g. "Prospect ID=id,Lead Origin=origin"]:value: ' \
          '--missing-values[values read as missing: "Select,N/A" for every field, "city=Select" for one (repeatable)]:value: ' \
          '--epoch[unit of timestamps written as numbers (default: refused)]:value:(s ms)' \
          '--on-duplicate[records repeating a lead id (default keep-first)]:value:(keep-first keep-last reject)' \
          '--strict-keys[reject records with keys (or CSV columns) that are no lead field]' \
          '--folds[folds of the cross-validation]:value: ' \
          '--lambda[strength of the L2 penalty on the weights]:value: ' \
          '--write[rewrite the rule files instead of printing a diff]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      serve) _arguments -s \
          '--ruleset[the compiled artifact: a file (watched) or an http(s) URL (polled)]:file:_files' \
          '--signature[its detached signature (default <ruleset>.sig)]:file:_files' \
          '--key[a public key (PEM) rulesets must be signed by; repeat for several (rotation)]:file:_files' \
          '--host[the address to listen on]:value: ' \
          '--port[the port to listen on (0: any free port)]:value: ' \
          '--workers[worker processes sharing the port (node:cluster)]:value: ' \
          '--max-body[largest request body, in bytes]:value: ' \
          '--max-batch[most leads in one batch request]:value: ' \
          '--max-events[most events with one lead]:value: ' \
          '--poll[how often a URL ruleset is polled]:value: ' \
          '--state-dir[where the last good ruleset is kept for restarts]:file:_files' \
          '--no-state[keep no last good ruleset on disk]' \
          '--decision-log[append one NDJSON line per decision (input hashed, never stored)]:file:_files' \
          '--log-level[fatal, error, warn, info, debug]:value: ' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      keygen) _arguments -s \
          '--out-dir[where to write the keys]:file:_files' \
          '--name[file name prefix: <name>.private.pem and <name>.public.pem]:value: ' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      sign) _arguments -s \
          '--key[the private key (PEM; LEADSCORE_SIGNING_KEY holds it inline instead when the file is -)]:file:_files' \
          '-o[where to write the signature (default <ruleset>.sig)]:file:_files' \
          '--out[where to write the signature (default <ruleset>.sig)]:file:_files' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      verify) _arguments -s \
          '--key[a public key (PEM); repeat for several]:file:_files' \
          '--signature[the signature (default <ruleset>.sig)]:file:_files' \
          '--json[print the outcome as JSON]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '*:file:_files' ;;
      sql) _arguments -s \
          '--rules[rule directory or compiled artifact]:file:_files' \
          '--dialect[SQL dialect]:value:(duckdb postgres bigquery snowflake)' \
          '--leads[the leads relation]:file:_files' \
          '--events[the events relation]:file:_files' \
          '--as-of[score as of this ISO-8601 time (default: when the query runs)]:value: ' \
          '--explain[add the contributions (rule, location, points) as JSON]' \
          '--dbt[write a dbt model (and its YAML) reading dbt models]' \
          '-o[write the SQL here instead of stdout]:file:_files' \
          '--out[write the SQL here instead of stdout]:file:_files' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      lsp) _arguments -s \
          '--stdio[talk over stdin and stdout (the default and only transport; editors pass it)]' \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' ;;
      completion) _arguments -s \
          '-h[display help for command]' \
          '--help[display help for command]' \
          '--color[colour on a terminal (auto: only there, and as NO_COLOR / FORCE_COLOR say)]:value:(auto always never)' \
          '1:value:(bash zsh fish)' ;;
      esac ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _leadscore "$@"
else
  compdef _leadscore leadscore
fi
