# The PowerShell dialect's System.Decimal: 96-bit mantissas and 28 digits after the point, exact where
# a double would lose digits (results as .NET's Decimal documents them), and overflow as an error.
run() {  # run TEXT: one line of PowerShell, its output and status
  echo "== $1"
  $PLUSH --ps -c "$1" 2>&1
  echo "status $?"
}
run '5000000000D * 5000000000'
run '0.0000000001D + 1000000000'
run '1D / 3; 2D / 3; 1D / 3 * 3'
run '10.00D / 2; 1D / 4; 1D / 0.5D; -10.300D * 12; 7.5D % 2; -7.5D % 2'
run '[decimal]1e20; [decimal]::MaxValue; [decimal]::MinValue'
run '[long]::MaxValue + 1D; 9223372036854775807D; 123456789012345678901234567.8D'
run '[int]2.5D; [int]3.5D; [long]9223372036854775807D'
run '9223372036854775808D -gt [long]::MaxValue; (0.1D + 0.2D) -eq 0.3D; 9223372036854775808D -eq [long]::MaxValue'
run '[decimal]::MaxValue + 1'
run '[long]9223372036854775808D'
