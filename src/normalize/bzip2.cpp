#include "normalize/bzip2.h"

#include <bzlib.h>

#include <climits>
#include <cstring>

namespace uncounted::normalize {

Result<std::string> decompress_bzip2(std::string_view compressed, std::size_t max_output) {
  if (compressed.size() > UINT_MAX) return fail("bzip2 input too large");
  bz_stream stream;
  std::memset(&stream, 0, sizeof stream);
  if (BZ2_bzDecompressInit(&stream, 0, 0) != BZ_OK) return fail("bzip2: cannot initialise");
  // bzlib takes a non-const pointer but does not write through next_in.
  stream.next_in = const_cast<char*>(compressed.data());
  stream.avail_in = static_cast<unsigned int>(compressed.size());
  std::string out;
  char buffer[1 << 16];
  int rc = BZ_OK;
  while (rc == BZ_OK) {
    stream.next_out = buffer;
    stream.avail_out = sizeof buffer;
    rc = BZ2_bzDecompress(&stream);
    if (rc != BZ_OK && rc != BZ_STREAM_END) break;
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > max_output) {
      BZ2_bzDecompressEnd(&stream);
      return fail("bzip2: data expands beyond the allowed size");
    }
    if (rc == BZ_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      BZ2_bzDecompressEnd(&stream);
      return fail("bzip2: data ends before the end of the stream");
    }
  }
  BZ2_bzDecompressEnd(&stream);
  if (rc != BZ_STREAM_END) return fail("bzip2: data is corrupt or not bzip2");
  return out;
}

}  // namespace uncounted::normalize
