// Storage providers of a package inside a monorepo: some dependencies are declared by a sibling package and
// hoisted to the root, so this package.json does not list them. Established npm packages (in the bundled list
// of the 50,000 most downloaded) are real, whoever declares them; an unknown name is still reported.
// ok: unknown-package-import
import multerS3 from "multer-s3";
// ok: unknown-package-import
import { winstonAzureBlob } from "winston-azure-blob";
// ok: unknown-package-import
import { MemoryClient } from "mem0ai";
// ok: unknown-package-import
const { S3StreamLogger } = require("s3-streamlogger");
// a real package below the bundled list's cut (about 10,000 downloads a month): not known offline
// todook: unknown-package-import
import { MulterAzureStorage } from "multer-azure-blob-storage";
// ruleid: unknown-package-import
import { S3Engine } from "multer-s3-storage-engine";
// ruleid: unknown-package-import
import { Memory } from "mem0-memory-client";

export const providers = { multerS3, winstonAzureBlob, MemoryClient, S3StreamLogger, MulterAzureStorage, S3Engine, Memory };
