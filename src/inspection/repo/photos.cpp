// SQL of an inspection's photos (migration 0025_inspection_site): the bytes as a BLOB / bytea.
#include "inspection/repo.h"

namespace sqm::inspection::repo {

namespace {

constexpr const char* kPhotoColumns =
    "id, inspection_id, item_code, content_type, size, sha256, uploaded_by, uploaded_at";

Photo PhotoOf(const storage::Row& r) {
  return {.id = r.Int(0),
          .inspection_id = r.Int(1),
          .item_code = r.Text(2),
          .type = ParseImageType(r.Text(3)).value_or(ImageType::kJpeg),
          .size = r.Int(4),
          .sha256 = r.Text(5),
          .uploaded_by = r.Int(6),
          .uploaded_at = r.Int(7)};
}

}  // namespace

Status LockInspectionForPhotos(Connection& db, Id inspection_id) {
  if (db.dialect() != storage::Dialect::kPostgres) return {};
  db.Query("SELECT id FROM inspections WHERE id = ? FOR UPDATE", {inspection_id});
  return {};
}

Result<Id> InsertPhoto(Connection& db, const Photo& p, const std::string& bytes) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO inspection_photos (inspection_id, item_code, content_type, size, sha256,"
                             " data, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {p.inspection_id, p.item_code, MediaTypeOf(p.type), p.size, p.sha256, storage::Blob{bytes},
                              p.uploaded_by, p.uploaded_at}));
  return r.last_insert_id;
}

std::vector<Photo> ListPhotos(Connection& db, Id inspection_id) {
  std::vector<Photo> out;
  for (const auto& r :
       db.Query(std::string("SELECT ") + kPhotoColumns + " FROM inspection_photos WHERE inspection_id = ? ORDER BY id",
                {inspection_id})) {
    out.push_back(PhotoOf(r));
  }
  return out;
}

std::optional<std::pair<Photo, std::string>> FindPhoto(Connection& db, Id inspection_id, Id photo_id) {
  auto r = db.QueryOne(
      std::string("SELECT ") + kPhotoColumns + ", data FROM inspection_photos WHERE id = ? AND inspection_id = ?",
      {photo_id, inspection_id});
  if (!r) return std::nullopt;
  return std::make_pair(PhotoOf(*r), r->Text(8));
}

Status DeletePhoto(Connection& db, Id photo_id) {
  return db.Exec("DELETE FROM inspection_photos WHERE id = ?", {photo_id});
}

}  // namespace sqm::inspection::repo
