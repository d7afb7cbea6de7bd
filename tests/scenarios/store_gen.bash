# Helpers for the store scenarios: synthetic testimony records built from the
# real Korean names and places in shared/data/korean.
#   make_records FILE FIRST COUNT   writes a CSV of COUNT records with ids
#                                   FIRST.. (one or two event rows each)
#   make_patterns FILE              the names and places that must never
#                                   appear in a store file (5+ bytes each)
names_csv="$DATA/korean/name_pairs_alalc_cc0.csv"
places_csv="$DATA/korean/kp_admin_gazetteer.csv"

make_records() {
  local out=$1 first=$2 count=$3
  awk -F, -v first="$first" -v count="$count" '
    FNR == 1 { next }
    FILENAME ~ /name_pairs/ { n++; hangul[n] = $1; roman[n] = $3; next }
    FILENAME ~ /gazetteer/ && $1 != "province" { p++; place[p] = $3; place_en[p] = $8; next }
    END {
      split("arrest_china repatriation detention_dprk interrogation border_crossing", types, " ")
      split("jipkyulso rodong_danryondae kyohwaso kwanliso kuryujang", facilities, " ")
      print "record_id,full_name,name_hangul,sex,birth_year,origin_place,event_type,event_date,event_place,facility_type,legal_tags"
      for (i = 0; i < count; i++) {
        id = first + i; k = id % n + 1; q = id % p + 1; r = (id * 7) % p + 1
        sex = (id % 3 == 0) ? "M" : (id % 3 == 1 ? "F" : "U")
        printf "%d,%s,%s,%s,%d,%s,%s,%04d-%02d-%02d,%s,,RC1951-Art33\n", id, roman[k], hangul[k], sex, 1950 + id % 50, place[q], types[id % 5 + 1], 2000 + id % 23, id % 12 + 1, id % 28 + 1, place_en[r]
        if (id % 4 == 0) printf "%d,,,,,,detention_dprk,spring %d,%s,%s,\n", id, 2001 + id % 22, place[r], facilities[id % 5 + 1]
      }
    }' "$names_csv" "$places_csv" >"$out"
}

make_patterns() {
  awk -F, 'FNR == 1 { next }
    FILENAME ~ /name_pairs/ { print $1; print $3; next }
    FILENAME ~ /gazetteer/ && $1 != "province" { print $3; print $8 }' "$names_csv" "$places_csv" |
    awk 'length($0) >= 5' | sort -u >"$1"
}

# scan_files PATTERNS FILE...: prints the files holding any pattern.
scan_files() {
  local patterns=$1
  shift
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    if LC_ALL=C grep -aqF -f "$patterns" "$f"; then echo "$f"; fi
  done
}
