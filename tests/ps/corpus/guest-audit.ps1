# Guests: who they are, when they last signed in, what they hold; -DisableStale blocks guests idle for -Days.
param(
    [int]$Days = 90,
    [switch]$DisableStale
)

$now = Get-Date
$guests = Get-User -UserType Guest
foreach ($guest in $guests) {
    $idle = if ($guest.LastSignIn) { ($now - [datetime]$guest.LastSignIn).Days } else { $null }
    $licenses = if ($guest.Licenses.Count) { $guest.Licenses -join ', ' } else { 'no licenses' }
    $line = '{0} | last sign-in {1} | {2}' -f $guest.UserPrincipalName, $(if ($null -ne $idle) { "$idle days ago" } else { 'never' }), $licenses
    if ($null -eq $idle -or $idle -gt $Days) {
        $line += ' | STALE'
        if ($DisableStale -and $guest.AccountEnabled) {
            Set-User -Identity $guest.UserPrincipalName -AccountEnabled $false
            $line += ' | disabled'
        }
    }
    $line
}
