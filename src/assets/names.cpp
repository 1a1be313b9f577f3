#include "assets/names.h"

namespace pp {

namespace {

using Codec = EncodedImage::Codec;

struct StatusName {
  AssetStatus status;
  const char* name;
};
constexpr StatusName kStatusNames[] = {
    {AssetStatus::Pending, "pending"}, {AssetStatus::Ok, "ok"},
    {AssetStatus::Missing, "missing"}, {AssetStatus::Refused, "refused"},
    {AssetStatus::Remote, "remote"},   {AssetStatus::Corrupt, "corrupt"},
    {AssetStatus::TooLarge, "too-large"}, {AssetStatus::Unsupported, "unsupported"},
};

struct CodecNames {
  Codec codec;
  const char* name;       // in cache entries
  const char* extension;  // of files
  const char* mediaType;
};
constexpr CodecNames kCodecNames[] = {
    {Codec::Jpeg, "jpeg", "jpg", "image/jpeg"},
    {Codec::Png, "png", "png", "image/png"},
};

const CodecNames* namesOf(Codec c) {
  for (const CodecNames& n : kCodecNames)
    if (n.codec == c) return &n;
  return nullptr;
}

}  // namespace

const char* assetStatusName(AssetStatus s) {
  for (const StatusName& n : kStatusNames)
    if (n.status == s) return n.name;
  return "unknown";
}

const char* EncodedImage::mediaType() const {
  const CodecNames* n = namesOf(codec);
  return n ? n->mediaType : "";
}

const char* EncodedImage::extension() const {
  const CodecNames* n = namesOf(codec);
  return n ? n->extension : "";
}

std::optional<AssetStatus> assets::assetStatusFromName(std::string_view name) {
  for (const StatusName& n : kStatusNames)
    if (name == n.name) return n.status;
  return std::nullopt;
}

const char* assets::codecName(Codec c) {
  const CodecNames* n = namesOf(c);
  return n ? n->name : "none";
}

Codec assets::codecFromName(std::string_view name) {
  for (const CodecNames& n : kCodecNames)
    if (name == n.name) return n.codec;
  return Codec::None;
}

}  // namespace pp
