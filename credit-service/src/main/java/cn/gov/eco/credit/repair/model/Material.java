package cn.gov.eco.credit.repair.model;

/**
 * One uploaded file of an application's materials, stored apart (GridFS) under its id.
 *
 * @param contentType the type found in the file's content (magic bytes), not the one its name or the browser claims
 * @param supplement  uploaded with a resubmission after 补正
 */
public record Material(String fileId, String filename, String contentType, long size, String sha256,
                       boolean supplement) {
}
