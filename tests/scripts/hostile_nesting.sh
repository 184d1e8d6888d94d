# Deep nesting in a script: the translator stops at 200 levels with a SyntaxError at the place,
# never a crash (reliability D7). `timeout` turns a hang into a failing status.
run() { timeout -k 5 60 "$PLUSH" "$@" 2>&1 | cut -c1-160; echo "status ${PIPESTATUS[0]}"; }
deep() { python3 -c "import sys; o, c, n = sys.argv[1], sys.argv[2], int(sys.argv[3]); print('x = ' + o*n + '1' + c*n + '; print(x)')" "$@"; }

echo "== 150 nested brackets run; 201 and 100,000 are refused where the 201st opens"
for n in 150 201 100000; do
  deep '(' ')' $n > paren$n.plush; echo "-- ( x $n"; run paren$n.plush
done
deep '{' '}' 201 > brace.plush; echo "-- { x 201"; run brace.plush
python3 -c "print('(' * 100000)" > open.plush; echo "-- 100,000 unclosed ("; run open.plush
python3 -c "print('Get-User | Where-Object ' + '{ ' * 100000)" > blocks.plush; echo "-- 100,000 script blocks"; run blocks.plush
python3 -c "print('\$h = ' + '@{a=' * 100000)" > hash.plush; echo "-- 100,000 @{"; run hash.plush
python3 -c "print('print(\"' + '\$(' * 100000 + '\")')" > interp.plush; echo "-- 100,000 \$( in a string"; run interp.plush
python3 -c "print('Write-Output 1 | ForEach-Object { \"' + '\$(' * 100000 + '\" }')" > interp-block.plush; echo "-- 100,000 \$( in a string in a script block"; run interp-block.plush
python3 -c "print('Write-Output ' + '(' * 100000)" > args.plush; echo "-- 100,000 ( in a command argument"; run args.plush
python3 -c "print('\$a = ' + '@(' * 100000)" > arrays.plush; echo "-- 100,000 @("; run arrays.plush
