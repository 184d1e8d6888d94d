# Bash completion of plush's command line: its options, their values, tenant stores and script files.
# Installed as share/bash-completion/completions/plush; bash-completion loads it on the first Tab after `plush`.

_plush_options=(--tenant --as --demo --what-if --graph-requests --atomic --output --log --now --language --ps --no-color
  --timeout --max-memory --restricted --lua-test-suite-binary-chunks -c -e - -- --version -h --help)
_plush_options_with_value=(--tenant --as --graph-requests --output --log --now --language --timeout --max-memory -c -e)

_plush_takes_value() {
  local option
  for option in "${_plush_options_with_value[@]}"; do [[ $1 == "$option" ]] && return 0; done
  return 1
}

_plush_script_files() {
  _filedir 'plush|lua|ps1'
}

_plush() {
  local cur prev words cword
  _init_completion || return

  case $prev in
    --output) COMPREPLY=($(compgen -W 'table list json csv' -- "$cur")); return ;;
    --language) COMPREPLY=($(compgen -W 'powershell lua' -- "$cur")); return ;;
    --tenant)
      _filedir 'db|sqlite|sqlite3'
      ((${#COMPREPLY[@]})) || _filedir  # a store may have any name
      return ;;
    --log|--graph-requests) _filedir; return ;;
  esac
  # A value no list holds (an admin's UPN, a time, the text of -c): offer nothing rather than files.
  _plush_takes_value "$prev" && return

  # Past the script (FILE, -c TEXT, - or -- FILE), every word is one of its arguments: often a file.
  local i
  for ((i = 1; i < cword; i++)); do
    if _plush_takes_value "${words[i]}"; then
      [[ ${words[i]} == -[ce] ]] && { _filedir; return; }
      ((i++))
      continue
    fi
    case ${words[i]} in
      --)
        if ((i + 1 == cword)); then _plush_script_files; else _filedir; fi
        return ;;
      -) _filedir; return ;;
      -*) ;;
      *) _filedir; return ;;
    esac
  done

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "${_plush_options[*]}" -- "$cur"))
    return
  fi
  _plush_script_files
}
complete -F _plush plush
