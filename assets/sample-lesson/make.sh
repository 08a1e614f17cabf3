#!/bin/sh
# Makes the sample lesson's photo, recording and PDF from words we wrote (the text is
# water-cycle.md). Needs ImageMagick, espeak-ng, ffmpeg and Ghostscript. The results
# are committed; run this only to change them.
set -eu
cd "$(dirname "$0")"

# A photo of the board: three lines of marker-like type on white.
convert -size 1200x420 xc:white -font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  -pointsize 40 -fill '#1d2a6b' \
  -annotate +60+110 'Clouds form when water vapour cools.' \
  -annotate +60+200 'Rain, snow and hail are precipitation.' \
  -annotate +60+290 'Rivers carry water back to the sea.' \
  -colors 16 -strip board.png

# The teacher's recording: espeak-ng speaking, as 16 kHz mono Ogg Vorbis.
espeak-ng -v en-gb -s 150 -w lecture.wav \
  'Good morning. Today we finish the water cycle. Transpiration is when plants give off water vapour from their leaves. The sun gives the energy that drives evaporation.'
ffmpeg -loglevel error -y -i lecture.wav -ac 1 -ar 16000 -c:a libvorbis -q:a 2 lecture.ogg
rm lecture.wav

# A textbook page: two pages of 12 pt Helvetica, by Ghostscript.
cat > chapter.ps <<'PS'
%!PS
/Helvetica findfont 12 scalefont setfont
72 720 moveto (Chapter 4: Weather and water) show
72 690 moveto (Humidity is the amount of water vapour in the air.) show
72 672 moveto (Warm air can hold more water vapour than cold air.) show
72 654 moveto (Dew forms when moist air touches a cold surface at night.) show
showpage
/Helvetica findfont 12 scalefont setfont
72 720 moveto (A drought is a long period with too little rain.) show
72 702 moveto (Floods happen when rivers carry more water than their banks can hold.) show
showpage
PS
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOutputFile=chapter.pdf chapter.ps
rm chapter.ps
