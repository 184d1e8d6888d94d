# Format-Table keeps columns aligned by display width when names mix Latin, CJK and emoji (two cells each).
cat > names.csv <<'CSV'
UserPrincipalName,DisplayName,City,Seats
ann@contoso.com,Ann Lee,Oslo,3
taro@contoso.com,山田 太郎,東京,12
zoe@contoso.com,Zoë 🎉 Party,Café 🍰,7
dev@contoso.com,👩‍💻 Dev ❤️,København,100
min@contoso.com,김민준,서울 🇰🇷,5
CSV
$PLUSH -c 'Import-Csv names.csv | Format-Table' > table.txt
echo "status $?"
cat table.txt
# The check, in plush: each row's cells start at the display column where the dashes under
# their header start, measured with the shell's own display width.
$PLUSH -c '
local lines = {}
for line in io.lines("table.txt") do if line ~= "" then lines[#lines + 1] = line end end
local starts = {}
for s in lines[2]:gmatch("()%-+") do starts[#starts + 1] = s end
local rows = Import-Csv names.csv
local bad = 0
for r, row in ipairs(rows) do
  local line, at = lines[r + 2], 1
  for c, name in ipairs({"UserPrincipalName", "DisplayName", "City", "Seats"}) do
    local from = line:find(row[name], at, true)
    local column = __plush.display_width(line:sub(1, from - 1)) + 1
    if column ~= starts[c] then bad = bad + 1; print("misaligned: row " .. r .. ", " .. name) end
    at = from + #row[name]
  end
end
print(#rows .. " rows checked, " .. bad .. " misaligned")
'
# An independent measure in python3: East Asian Wide/Fullwidth two cells, a ZWJ joins the next
# character into the glyph before, VS16 widens a narrow symbol, a pair of regional indicators is one flag.
python3 - <<'PY'
import csv, unicodedata
def width(text):
    cells, joined, narrow, flags = 0, False, False, 0
    for ch in text:
        cp = ord(ch)
        if ch == '\u200d':
            joined = True
        elif joined:
            joined = False
        elif cp == 0xFE0F:
            cells += 1 if narrow else 0
            narrow = False
        elif unicodedata.combining(ch):
            pass
        elif 0x1F1E6 <= cp <= 0x1F1FF:
            flags += 1
            cells += 2 if flags % 2 else 0
        else:
            wide = unicodedata.east_asian_width(ch) in 'WF'
            narrow = not wide
            cells += 2 if wide else 1
    return cells
lines = [l.rstrip('\n') for l in open('table.txt', encoding='utf-8') if l.strip()]
starts = [i + 1 for i, c in enumerate(lines[1]) if c == '-' and (i == 0 or lines[1][i - 1] == ' ')]
rows = list(csv.DictReader(open('names.csv', encoding='utf-8')))
bad = 0
for line, row in zip(lines[2:], rows):
    at = 0
    for start, value in zip(starts, row.values()):
        found = line.index(value, at)
        bad += width(line[:found]) + 1 != start
        at = found + len(value)
print('python3:', len(rows), 'rows checked,', bad, 'misaligned')
PY
